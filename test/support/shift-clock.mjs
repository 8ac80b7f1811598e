/**
 * A preload (`node --import ./test/support/shift-clock.mjs`) that moves the process clock: with
 * PORTAL_TEST_NOW=2032-02-29T12:00:00Z, `new Date()` and `Date.now()` start at that instant and run on
 * from there. Everything else about Date is untouched. `npm run test:any-day` runs the suite this way,
 * so a test that reads the machine's date where it should use an injected clock fails CI.
 */
const target = process.env.PORTAL_TEST_NOW;
if (target !== undefined && target !== '') {
  const RealDate = globalThis.Date;
  const start = RealDate.parse(target);
  if (Number.isNaN(start)) throw new Error(`PORTAL_TEST_NOW=${target} is not an ISO timestamp.`);
  const offset = start - RealDate.now();
  const now = () => RealDate.now() + offset;
  function ShiftedDate(...args) {
    // Date() called without new answers the current time as text.
    if (new.target === undefined) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.defineProperties(ShiftedDate, {
    ...Object.getOwnPropertyDescriptors(RealDate),
    now: { value: now, writable: true, configurable: true },
  });
  globalThis.Date = ShiftedDate;
}
