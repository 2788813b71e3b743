/** A link's public address: always built from PUBLIC_BASE_URL, never from the request's Host header. */
export const shareUrl = (publicBaseUrl: string, token: string): string =>
  `${publicBaseUrl.replace(/\/+$/, "")}/shared/${token}`;
