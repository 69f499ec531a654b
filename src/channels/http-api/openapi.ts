import { RULE_CODES } from '../../core/contract.js';

/** The HTTP API described as OpenAPI 3.1 (served at /api/v1/openapi.json); the review contract's shapes. */
export function openApiDocument(version: string): Record<string, unknown> {
  const problem = { $ref: '#/components/schemas/Problem' };
  const problems = (codes: number[]) =>
    Object.fromEntries(codes.map((c) => [String(c), { description: ({ 400: 'Bad request', 401: 'No valid API key', 413: 'Body too large', 429: 'Too many requests (see Retry-After)' } as Record<number, string>)[c] ?? 'Error', content: { 'application/problem+json': { schema: problem } } }]));
  return {
    openapi: '3.1.0',
    info: { title: 'Warmline review API', version, description: 'A second read before you send: reviews a customer-service draft against the guideline knowledge base.' },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/review': {
        post: {
          operationId: 'review',
          summary: 'Review one draft',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReviewRequest' } } } },
          responses: { '200': { description: 'The review', content: { 'application/json': { schema: { $ref: '#/components/schemas/ReviewResult' } } } }, ...problems([400, 401, 413, 429]) },
        },
      },
      '/api/v1/review:batch': {
        post: {
          operationId: 'reviewBatch',
          summary: 'Review up to 100 drafts; results in the same order, an error per item that cannot be reviewed',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['requests'], properties: { requests: { type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/ReviewRequest' } } } } } } },
          responses: {
            '200': { description: 'One result or error per request', content: { 'application/json': { schema: { type: 'object', required: ['results'], properties: { results: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/ReviewResult' }, { $ref: '#/components/schemas/ReviewError' }] } } } } } } },
            ...problems([400, 401, 413, 429]),
          },
        },
      },
      '/api/v1/guidance': {
        get: {
          operationId: 'guidance',
          summary: 'What the guidance says about a question',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 500 } },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['fi', 'pl', 'hu', 'en'] } },
          ],
          responses: { '200': { description: 'Guidelines and passages', content: { 'application/json': { schema: { type: 'object' } } } }, ...problems([400, 401, 429]) },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `npm run apikey -- create --tenant <name>`, or a Microsoft Entra ID access token for the API (API_ENTRA_AUDIENCE) from an allowed tenant' } },
      schemas: {
        Problem: { type: 'object', required: ['title', 'status'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } },
        ReviewRequest: {
          type: 'object',
          required: ['draft'],
          properties: {
            id: { type: 'string' },
            draft: { type: 'string', minLength: 1 },
            customer: { type: 'string' },
            lang: { type: 'string', description: 'fi | pl | hu | en; detected when absent' },
            channel: { type: 'string', enum: ['chat', 'email', 'phone-script'] },
            firstReply: { type: 'boolean' },
          },
        },
        Finding: {
          type: 'object',
          required: ['rule', 'guideline', 'severity', 'start', 'end', 'quote', 'message', 'source'],
          properties: {
            rule: { type: 'string', enum: [...RULE_CODES] },
            guideline: { type: 'string' },
            severity: { type: 'string', enum: ['minor', 'major', 'critical'] },
            start: { type: 'integer' },
            end: { type: 'integer' },
            quote: { type: 'string' },
            message: { type: 'string' },
            source: { type: 'object', required: ['document', 'quote'], properties: { document: { type: 'string' }, quote: { type: 'string' } } },
          },
        },
        ReviewResult: {
          type: 'object',
          required: ['lang', 'verdict', 'findings', 'suggestions', 'nextStep', 'scores'],
          properties: {
            id: { type: 'string' },
            lang: { type: 'string' },
            verdict: { type: 'string', enum: ['send', 'revise', 'block'] },
            findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
            suggestions: { type: 'array', items: { type: 'object', required: ['style', 'text'], properties: { style: { type: 'string' }, text: { type: 'string' } } } },
            nextStep: { type: 'object', properties: { text: { type: 'string' }, owner: { type: 'string' }, action: { type: 'string' }, when: { type: 'string' } } },
            scores: { type: 'object', properties: { warmth: { type: 'number' }, ownership: { type: 'number' }, clarity: { type: 'number' } } },
          },
        },
        ReviewError: { type: 'object', required: ['id', 'error'], properties: { id: { type: ['string', 'null'] }, error: { type: 'string' } } },
      },
    },
  };
}
