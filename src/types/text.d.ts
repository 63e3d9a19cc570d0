// Plain-text data files are inlined as strings by the build (tsup loader) and the test runner.
declare module '*.txt' {
  const text: string;
  export default text;
}
