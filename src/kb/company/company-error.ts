/** A problem with what the user asked kb:add or kb:accept to do, worded for the user (no stack trace). */
export class CompanyKbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanyKbError';
  }
}
