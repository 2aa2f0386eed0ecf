export type { Annotation } from './annotation';
export type { ScaleType } from './axes';
export type { LegendLocation } from './legend';
export type { MarkerShape } from './markers';
export type { MarkerName, PathObject } from './options';
export type { PlotOptions } from './plot-common';
export { type Theme, defaultTheme, OKABE_ITO } from './theme';
export { linePlot, type LinePlotOptions, type Series } from './line-plot';
export {
  functionPlot,
  sampleFunction,
  type FunctionPath,
  type FunctionPlotOptions,
} from './function-plot';
export { type Colormap, type ColormapFn, type ColormapName, colormap } from './colormap';
export { type Grid2D, sampleGrid } from './grid';
export {
  contourPlot,
  contourLevels,
  type ContourPlotOptions,
  type Trajectory,
} from './contour-plot';
export { heatmap, type HeatmapOptions } from './heatmap';
export { surfacePlot, type SurfacePlotOptions, type SurfacePoint } from './surface-plot';
export { imageGrid, type GrayImage, type ImageGridOptions } from './image-grid';
export {
  sparkline,
  terminalChart,
  type SparklineOptions,
  type TerminalChartOptions,
} from './terminal';
export {
  animateTrajectory,
  frameIndices,
  type ContourAnimation,
  type FunctionAnimation,
} from './animate';
export {
  interpolationCurve,
  landscape1d,
  landscape2d,
  normalizeDirection,
  randomDirection,
  type DirectionNormalization,
  type DirectionOptions,
  type InterpolationOptions,
  type Landscape1D,
  type Landscape1DOptions,
  type Landscape2D,
  type Landscape2DOptions,
  type LossFn,
} from './landscape';
