import type { LibraryIndicator } from "../../db/queries/indicator-library";
import { csvFile, type CsvCell } from "../http/csv-file";
import { INDICATOR_COLUMNS } from "./validate-indicators";

/** Every column the indicator import reads, required ones first, in the order it lists them. */
export const INDICATOR_EXPORT_COLUMNS = [...INDICATOR_COLUMNS.required, ...INDICATOR_COLUMNS.optional];

const yesNo = (value: boolean) => (value ? "yes" : "no");

/**
 * The library as a CSV in the indicator import's layout: imported back unchanged it
 * creates and updates nothing, so a performance team can edit it in a spreadsheet and
 * import it again. Retired indicators are listed with active "no".
 */
export function indicatorLibraryCsv(library: readonly LibraryIndicator[]): string {
  const cells: Record<(typeof INDICATOR_EXPORT_COLUMNS)[number], (i: LibraryIndicator) => CsvCell> = {
    code: (i) => i.code,
    title: (i) => i.title,
    theme: (i) => i.theme ?? "",
    category: (i) => i.category,
    unit: (i) => i.unit,
    polarity: (i) => i.polarity,
    frequency: (i) => i.frequency,
    aggregation: (i) => i.aggregation,
    decimals: (i) => i.decimals,
    tenant_top_ten: (i) => yesNo(i.tenantTopTen),
    by_area: (i) => yesNo(i.byArea),
    definition: (i) => i.definition,
    data_source: (i) => i.dataSource,
    owner_email: (i) => i.ownerEmail ?? "",
    manager_email: (i) => i.managerEmail ?? "",
    status_basis: (i) => i.statusBasis,
    active: (i) => yesNo(!i.retiredAt),
  };
  return csvFile([
    INDICATOR_EXPORT_COLUMNS,
    ...library.map((indicator) => INDICATOR_EXPORT_COLUMNS.map((column) => cells[column](indicator))),
  ]);
}
