/**
 * The desktop app's printer, as a port: the Electron shell (src-main/app/printing.ts) registers a
 * function that shows the system print dialog for PDF bytes. Where none is registered (the browser
 * host, the command line, tests) `forms.print` hands the bytes to the caller, which opens them in
 * the browser's own viewer to print.
 */
export type SystemPrinter = (pdf: Buffer, title: string) => Promise<void>;

let registered: SystemPrinter | null = null;

export function registerSystemPrinter(printer: SystemPrinter | null): void {
  registered = printer;
}

export function systemPrinter(): SystemPrinter | null {
  return registered;
}
