#!/usr/bin/env node
/**
 * Generates src/data/<name>.ts from the UCI/scikit-learn CSV files in scripts/uci/ (or the
 * folder given as the first argument). Each table is stored column by column as the smallest
 * integer type that holds value·10^decimals exactly (float64 when no small `decimals` is exact),
 * raw-deflated and base64-encoded, next to its feature names, target names, description,
 * citation and licence. The outputs are committed so the package builds without the CSV files.
 *
 * Usage: node scripts/bundle-data.mjs [dataDir]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.argv[2] ?? join(here, 'uci');
const outDir = join(here, '..', 'src', 'data');

const UCI_LICENCE =
  'Creative Commons Attribution 4.0 International (CC BY 4.0), as stated by the UCI Machine ' +
  'Learning Repository; this copy is the one distributed with scikit-learn (BSD-3-Clause).';

const DATASETS = [
  {
    name: 'iris',
    constName: 'IRIS',
    csv: 'iris.csv',
    rst: 'iris.rst',
    format: 'sklearn-csv',
    featureNames: [
      'sepal length (cm)',
      'sepal width (cm)',
      'petal length (cm)',
      'petal width (cm)',
    ],
    citation:
      'Fisher, R.A. "The use of multiple measurements in taxonomic problems". Annual Eugenics, 7, ' +
      'Part II, 179-188 (1936). Data as in R and scikit-learn (the UCI copy has two wrong points).',
    source: 'https://archive.ics.uci.edu/dataset/53/iris',
    licence: UCI_LICENCE,
  },
  {
    name: 'digits',
    constName: 'DIGITS',
    csv: 'digits.csv.gz',
    rst: 'digits.rst',
    format: 'plain-csv',
    featureNames: Array.from({ length: 64 }, (_, i) => `pixel_${Math.floor(i / 8)}_${i % 8}`),
    targetNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    citation:
      'Alpaydin, E. and Kaynak, C. (1998). Optical Recognition of Handwritten Digits [test set]. ' +
      'UCI Machine Learning Repository.',
    source: 'https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits',
    licence: UCI_LICENCE,
  },
  {
    name: 'wine',
    constName: 'WINE',
    csv: 'wine_data.csv',
    rst: 'wine_data.rst',
    format: 'sklearn-csv',
    featureNames: [
      'alcohol',
      'malic_acid',
      'ash',
      'alcalinity_of_ash',
      'magnesium',
      'total_phenols',
      'flavanoids',
      'nonflavanoid_phenols',
      'proanthocyanins',
      'color_intensity',
      'hue',
      'od280/od315_of_diluted_wines',
      'proline',
    ],
    citation:
      'Forina, M. et al. PARVUS - An Extendible Package for Data Exploration, Classification and ' +
      'Correlation. Institute of Pharmaceutical and Food Analysis and Technologies, Genoa, Italy. ' +
      'Via Lichman, M. (2013). UCI Machine Learning Repository, University of California, Irvine.',
    source: 'https://archive.ics.uci.edu/dataset/109/wine',
    licence: UCI_LICENCE,
  },
  {
    name: 'breast_cancer',
    constName: 'BREAST_CANCER',
    csv: 'breast_cancer.csv',
    rst: 'breast_cancer.rst',
    format: 'sklearn-csv',
    featureNames: ['mean', 'error', 'worst'].flatMap((kind) =>
      [
        'radius',
        'texture',
        'perimeter',
        'area',
        'smoothness',
        'compactness',
        'concavity',
        'concave points',
        'symmetry',
        'fractal dimension',
      ].map((f) =>
        kind === 'mean' ? `mean ${f}` : kind === 'error' ? `${f} error` : `worst ${f}`,
      ),
    ),
    citation:
      'Street, W.N., Wolberg, W.H. and Mangasarian, O.L. (1993). Nuclear feature extraction for ' +
      'breast tumor diagnosis. IS&T/SPIE Electronic Imaging, vol. 1905, 861-870. Breast Cancer ' +
      'Wisconsin (Diagnostic), UCI Machine Learning Repository.',
    source: 'https://archive.ics.uci.edu/dataset/17/breast+cancer+wisconsin+diagnostic',
    licence: UCI_LICENCE,
  },
  {
    name: 'diabetes',
    constName: 'DIABETES',
    csv: 'diabetes_data_raw.csv.gz',
    targetCsv: 'diabetes_target.csv.gz',
    rst: 'diabetes.rst',
    format: 'diabetes',
    featureNames: ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'],
    targetNames: null,
    citation:
      'Efron, B., Hastie, T., Johnstone, I. and Tibshirani, R. (2004). "Least Angle Regression". ' +
      'Annals of Statistics 32(2), 407-499. Data: https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html',
    source: 'https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html',
    licence:
      'No licence is stated by the original source; this copy is the one distributed with ' +
      'scikit-learn (BSD-3-Clause) and is used here for teaching with the citation above.',
  },
];

function readText(file) {
  const buf = readFileSync(join(dataDir, file));
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Rows of numeric strings plus (for sklearn's CSVs) the target names from the header line. */
function readTable(ds) {
  const lines = readText(ds.csv)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (ds.format === 'sklearn-csv') {
    const header = lines[0].split(',');
    const [n, nFeatures] = [Number(header[0]), Number(header[1])];
    const rows = lines.slice(1).map((l) => l.split(','));
    if (rows.length !== n || rows.some((r) => r.length !== nFeatures + 1)) {
      throw new Error(`${ds.csv}: header says ${n}×${nFeatures} but the rows disagree`);
    }
    return { rows, targetNames: header.slice(2) };
  }
  if (ds.format === 'plain-csv') {
    return { rows: lines.map((l) => l.split(',')), targetNames: ds.targetNames };
  }
  const x = lines.map((l) => l.split(/\s+/));
  const y = readText(ds.targetCsv)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (x.length !== y.length) throw new Error('diabetes: data and target differ in length');
  return { rows: x.map((r, i) => [...r, y[i]]), targetNames: null };
}

/** The smallest type and decimals that store every value of a column exactly. */
function chooseEncoding(values) {
  for (let decimals = 0; decimals <= 8; decimals++) {
    const scale = 10 ** decimals;
    const ints = values.map((v) => Math.round(v * scale));
    if (!ints.every((k, i) => k / scale === values[i] && Number.isSafeInteger(k))) continue;
    const lo = Math.min(...ints);
    const hi = Math.max(...ints);
    if (lo >= 0 && hi <= 0xff) return { type: 'u8', decimals, ints };
    if (lo >= 0 && hi <= 0xffff) return { type: 'u16', decimals, ints };
    if (lo >= -0x8000 && hi <= 0x7fff) return { type: 'i16', decimals, ints };
    if (lo >= -0x80000000 && hi <= 0x7fffffff) return { type: 'i32', decimals, ints };
  }
  return { type: 'f64', decimals: 0, ints: values };
}

const BYTES = { u8: 1, u16: 2, i16: 2, i32: 4, f64: 8 };

function encodeColumn(enc) {
  const n = enc.ints.length;
  const view = new DataView(new ArrayBuffer(n * BYTES[enc.type]));
  enc.ints.forEach((v, i) => {
    if (enc.type === 'u8') view.setUint8(i, v);
    else if (enc.type === 'u16') view.setUint16(2 * i, v, true);
    else if (enc.type === 'i16') view.setInt16(2 * i, v, true);
    else if (enc.type === 'i32') view.setInt32(4 * i, v, true);
    else view.setFloat64(8 * i, v, true);
  });
  return new Uint8Array(view.buffer);
}

function tsString(s) {
  return JSON.stringify(s);
}

let total = 0;
const written = [];
for (const ds of DATASETS) {
  const { rows, targetNames } = readTable(ds);
  const nCols = rows[0].length;
  const columns = [];
  for (let c = 0; c < nCols; c++) {
    const values = rows.map((r) => Number(r[c]));
    if (values.some((v) => !Number.isFinite(v)))
      throw new Error(`${ds.csv}: column ${c} not numeric`);
    columns.push(chooseEncoding(values));
  }
  const features = columns.slice(0, -1);
  const target = columns[nCols - 1];
  if (features.length !== ds.featureNames.length) {
    throw new Error(`${ds.name}: ${features.length} columns but ${ds.featureNames.length} names`);
  }
  const raw = Buffer.concat(columns.map(encodeColumn));
  const payload = deflateRawSync(raw, { level: 9 }).toString('base64');
  total += payload.length;
  const layout = (e) => `{ type: '${e.type}', decimals: ${e.decimals} }`;
  const body = `// Generated by scripts/bundle-data.mjs from ${ds.csv}${ds.targetCsv ? ` + ${ds.targetCsv}` : ''} and ${ds.rst}. Do not edit.
import type { PackedTable } from '../bundled/packed';

/** ${ds.name}: ${rows.length} samples × ${features.length} features, packed (see scripts/bundle-data.mjs). */
export const ${ds.constName}: PackedTable = {
  name: ${tsString(ds.name)},
  nSamples: ${rows.length},
  features: [
${features.map((e) => `    ${layout(e)},`).join('\n')}
  ],
  target: ${layout(target)},
  featureNames: ${JSON.stringify(ds.featureNames)},
  targetNames: ${JSON.stringify(targetNames)},
  citation: ${tsString(ds.citation)},
  source: ${tsString(ds.source)},
  licence: ${tsString(ds.licence)},
  description: ${tsString(readText(ds.rst))},
  payload:
    ${tsString(payload)},
};
`;
  const out = join(outDir, `${ds.name.replace('_', '-')}.ts`);
  writeFileSync(`${out}.tmp`, body);
  renameSync(`${out}.tmp`, out);
  written.push(out);
  console.log(
    `${ds.name}: ${rows.length}×${features.length}, ${raw.length} B raw → ${payload.length} B base64`,
  );
}
console.log(`total payload ${total} B`);
// Format with the repository's biome so regenerating gives byte-identical, lint-clean files.
execFileSync('npx', ['biome', 'format', '--write', ...written], { stdio: 'inherit' });
