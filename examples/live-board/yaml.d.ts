// esbuild bundles .yaml files as text for the browser example.
declare module '*.yaml' {
  const text: string;
  export default text;
}
