import * as http from 'node:http';
import { type AddressInfo } from 'node:net';

export const DENIED_ROLE_ARN = 'arn:aws:iam::123456789012:role/PartnerCentralProspecting';

/** An AWS STS stand-in on 127.0.0.1 that refuses every AssumeRole the way STS does (AWS_ENDPOINT_URL_STS). */
export async function startDenyingSts(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(403, { 'content-type': 'text/xml' });
      response.end(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
          `<Message>User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: ${DENIED_ROLE_ARN}</Message>` +
          '</Error><RequestId>4c1e0ad5-0000-4000-8000-000000000001</RequestId></ErrorResponse>',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
