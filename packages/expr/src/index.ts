export type {
  BinaryNode,
  CallNode,
  Expr,
  FunctionName,
  NumberNode,
  SymbolNode,
  UnaryNode,
} from './ast';
export { ExpressionError } from './expression-error';
export { parseExpression } from './parse';
export { formatExpression } from './format';
export { compileExpression, type CompileOptions, type CompiledExpression } from './compile';
export { surfaces, type Surface } from './surfaces';
