export { cholesky, type CholeskyOptions } from './cholesky';
export { det } from './det';
export { eigh, eigvalsh, type EighOptions } from './eigh';
export { LinAlgError } from './errors';
export { inv } from './inv';
export { solve } from './solve';
