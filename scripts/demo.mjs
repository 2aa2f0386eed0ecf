#!/usr/bin/env node
// gd's demo: the lectures' gradient-descent runs on their own data, with @gd/tensor.
import { tensor } from '@gd/tensor';

// Seed 001: gradient descent on f(x) = x² from x = 3 with η = 0.1 — after 100 updates
// x = 3·0.8¹⁰⁰.
let x = tensor(3, { dtype: 'float64' });
for (let i = 0; i < 100; i++) x = x.sub(x.mul(2).mul(0.1));
console.log(
  `GD on x² from 3, η = 0.1, 100 updates: x = ${x.item()} (3·0.8¹⁰⁰ = ${3 * 0.8 ** 100})`,
);

// Seed 001: linear regression y ≈ w·x + b on the ad-spend table, by gradient descent on the
// mean squared error with the gradient written out by hand.
const ads = tensor([10, 2, 5, 10, 10, 5], { dtype: 'float64' });
const sales = tensor([12, 4, 8, 12, 11, 4], { dtype: 'float64' });
let w = 0;
let b = 0;
const lr = 0.01;
for (let step = 0; step < 5000; step++) {
  const err = ads.mul(w).add(b).sub(sales);
  w -= lr * err.mul(ads).mean().item() * 2;
  b -= lr * err.mean().item() * 2;
}
const mse = ads.mul(w).add(b).sub(sales).square().mean().item();
console.log(
  `ad spend → sales by GD: sales ≈ ${w.toFixed(4)}·ads + ${b.toFixed(4)} (MSE ${mse.toFixed(4)})`,
);
