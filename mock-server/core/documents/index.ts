/**
 * The byte builders of the mock portal's documents: PDF, PNG, CSV and XLSX (fflate writes its ZIP and
 * the PNG's zlib stream), and the documents made with them.
 */
export { Canvas, COLORS, PALETTE } from './canvas.ts';
export { checkPdf, checkPng } from './check-image.ts';
export { CLAIMS_EXPORT_HEADER, claimsExportCsv, explanationOfPaymentPdf } from './claim-documents.ts';
export type { CsvCell } from './csv.ts';
export { toCsv } from './csv.ts';
export { dollars, productLabel, usDate } from './format.ts';
export { idCardPng } from './id-card.ts';
export { carePlanPdf, summaryOfBenefitsPdf } from './member-documents.ts';
export type { PcpPanelHeading } from './pcp-member-panel.ts';
export { pcpMemberPanelXlsx } from './pcp-member-panel.ts';
export type { PdfDocument, PdfLine } from './pdf.ts';
export { buildPdf } from './pdf.ts';
export type { PaletteImage, Rgb } from './png.ts';
export { encodePng } from './png.ts';
export type { XlsxCell, XlsxSheet } from './xlsx.ts';
export { buildXlsx, XLSX_MEDIA_TYPE } from './xlsx.ts';
