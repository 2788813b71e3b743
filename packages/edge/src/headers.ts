/** Request headers as Node gives them: names lower-cased, values possibly repeated. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;
