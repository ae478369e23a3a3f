import { SelectField } from "~/components/ui/form-fields";
import { monthLabel } from "~/shared/performance/periods";

/** The reporting-period choice of a GET filter form: months, newest first, named in words. */
export function PeriodField({ period, options }: { period: string; options: string[] }) {
  return (
    <SelectField
      name="period"
      label="Period"
      options={options.map((p) => ({ value: p, label: monthLabel(p) }))}
      defaultValue={period}
    />
  );
}
