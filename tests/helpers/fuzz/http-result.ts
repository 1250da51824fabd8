/** What came back, kept raw: status, content type, text, and the JSON when the text is JSON. */
export interface HttpResult {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

export async function readResult(response: Response): Promise<HttpResult> {
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let json: unknown;
  try {
    // Parsed whatever the label says: a mislabelled answer is reported as such, and still read.
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType, text, json };
}

export const describeResult = (result: HttpResult) => `${result.status} ${result.text.slice(0, 400)}`;
