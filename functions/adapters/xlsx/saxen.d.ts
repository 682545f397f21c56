// saxen ships no type declarations: the part of its API karnameh uses (README of
// https://github.com/nikku/saxen, version 11).
declare module 'saxen' {
  export type Decode = (text: string) => string;
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(
      event: 'openTag',
      handler: (
        name: string,
        attrs: () => Record<string, string>,
        decode: Decode,
        selfClosing: boolean,
      ) => void,
    ): this;
    on(
      event: 'closeTag',
      handler: (name: string, decode: Decode, selfClosing: boolean) => void,
    ): this;
    on(event: 'text', handler: (text: string, decode: Decode) => void): this;
    on(event: 'cdata', handler: (text: string) => void): this;
    on(event: 'error' | 'warn', handler: (error: Error, getContext: () => unknown) => void): this;
    parse(xml: string): this;
  }
}
