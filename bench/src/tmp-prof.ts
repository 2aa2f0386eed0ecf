import { gdMlpStep, RELU_ADAM, SIGMOID_SGD } from './lib/mlp';
const step = gdMlpStep(process.env.CFG === 'sigmoid' ? SIGMOID_SGD : RELU_ADAM);
for (let i = 0; i < 2000; i++) step();
