// The part of Prism's core API the highlighter uses (prismjs ships no types).
declare module 'prismjs/components/prism-core' {
  export interface PrismToken {
    type: string;
    alias?: string | string[];
    content: string | PrismToken | Array<string | PrismToken>;
  }
  export type Grammar = Record<string, unknown>;
  interface Prism {
    languages: Record<string, Grammar | undefined>;
    tokenize(code: string, grammar: Grammar): Array<string | PrismToken>;
    hooks: {run(name: string, env: object): void};
  }
  const prism: Prism;
  export default prism;
}
declare module 'prismjs/components/prism-yaml';
declare module 'prismjs/components/prism-json';
