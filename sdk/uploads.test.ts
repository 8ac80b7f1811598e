import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, json, UNIT_CLOCK } from '../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from './client.ts';
import { PortalValidationError } from './errors.ts';
import { prepareUploads, toFormData } from './uploads.ts';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const batch = { attachments: [{ attachmentId: 'ATT-000001', fileName: 'notes.pdf' }] };

const portal = (fetch: (request: Request) => Promise<Response>) =>
  createPortalClient({
    baseUrl: BASE_URL,
    clock: UNIT_CLOCK,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
  });

async function sentForm(request: Request): Promise<FormData> {
  return new Request(request.url, {
    method: 'POST',
    headers: request.headers,
    body: await request.text(),
  }).formData();
}

describe('uploads', () => {
  it('sends File, Blob, Uint8Array and Node Buffer files as multipart parts with their names', async () => {
    let form: FormData | undefined;
    const fetch = fakeFetch(async (request) => {
      form = await sentForm(request);
      return json(201, batch);
    });
    await portal(fetch).preauthorizations.uploadAttachments('PA-00000001', {
      files: [
        new File([pdf], 'office-notes.pdf', { type: 'application/pdf' }),
        { name: 'lab.txt', data: 'HbA1c 6.1%' },
        { name: 'scan.pdf', data: pdf },
        // Node's Buffer (a Uint8Array), taken from the global so that nothing under sdk/ imports node:*.
        { name: 'referral.pdf', data: globalThis.Buffer.from(pdf) },
        { name: 'xray.pdf', data: new Blob([pdf]) },
      ],
      description: 'Office notes',
    });
    expect(fetch.requests[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(fetch.requests[0]?.headers.has('idempotency-key')).toBe(true);
    const files = form?.getAll('files') as File[];
    expect(files.map((f) => f.name)).toEqual([
      'office-notes.pdf',
      'lab.txt',
      'scan.pdf',
      'referral.pdf',
      'xray.pdf',
    ]);
    expect(files.map((f) => f.type)).toEqual([
      'application/pdf',
      'text/plain',
      'application/pdf',
      'application/pdf',
      'application/pdf',
    ]);
    expect(form!.get('description')).toBe('Office notes');
    expect(await files[3]?.text()).toContain('%PDF-1.7');
  });

  it('checks the batch before sending: more than five, empty, too large, wrong type, renamed', async () => {
    const fetch = fakeFetch(json(201, batch));
    const big = { name: 'big.pdf', data: new Blob([pdf, new Uint8Array(25 * 1024 * 1024)]) };
    const error = await portal(fetch)
      .messages.uploadAttachments('MSG-000001', {
        files: [
          { name: 'a.pdf', data: pdf },
          { name: 'empty.pdf', data: new Uint8Array(0) },
          big,
          { name: 'tool.exe', data: pdf },
          { name: 'photo.png', data: pdf },
          { name: 'f.pdf', data: pdf },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    const codes = (error as PortalValidationError).violations.map((v) => `${v.path} ${v.code}`);
    expect(codes).toEqual([
      '$.files TOO_MANY_ATTACHMENTS',
      '$.files[1] ATTACHMENT_EMPTY',
      '$.files[2] ATTACHMENT_TOO_LARGE',
      '$.files[3] ATTACHMENT_TYPE_NOT_ALLOWED',
      '$.files[4] ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a Blob without a name is refused with a message saying why', async () => {
    const { violations } = await prepareUploads([new Blob([pdf])]);
    expect(violations[0]?.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(violations[0]?.message).toContain('no name');
  });

  it('provider profile updates send changes as JSON with the files, and check the NPI', async () => {
    let form: FormData | undefined;
    const fetch = fakeFetch(async (request) => {
      form = await sentForm(request);
      return json(202, { requestId: 'PUR-000001', status: 'submitted' });
    });
    const changes = [{ field: 'phone' as const, addressId: 'ADDR-000101', newValue: '(860) 545-7000' }];
    await portal(fetch).providers.requestProfileUpdate('1407819535', {
      changes,
      reason: 'New phone',
      files: [{ name: 'letter.pdf', data: pdf }],
    });
    expect(JSON.parse(String(form!.get('changes')))).toEqual(changes);
    expect(form!.get('reason')).toBe('New phone');
    expect((form!.getAll('files') as File[]).map((f) => f.name)).toEqual(['letter.pdf']);

    const bad = await portal(fetch)
      .providers.requestProfileUpdate('1407819536', { changes, reason: 'x' })
      .catch((e: unknown) => e);
    expect((bad as PortalValidationError).violations.map((v) => v.code)).toEqual(['INVALID_NPI']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('toFormData puts text fields first and skips undefined ones', () => {
    const form = toFormData([{ name: 'a.txt', blob: new Blob(['x']) }], {
      description: undefined,
      reason: 'r',
    });
    expect([...form.keys()]).toEqual(['reason', 'files']);
  });
});
