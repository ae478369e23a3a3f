import { describe, expect, it } from "vitest";
import { formatProblem } from "./problems";
import { csv, csvTable, testContext } from "./test-support";
import { validateIndicators } from "./validate-indicators";

const HEADER = "code,title,theme,category,unit,polarity,frequency,aggregation,decimals,tenant_top_ten,by_area";

const validate = (...lines: string[]) => validateIndicators(csvTable(csv(HEADER, ...lines)));
const messages = (...lines: string[]) => validate(...lines).problems.map(formatProblem);

describe("validateIndicators", () => {
  it("reads an indicator, whatever the case of its choices", () => {
    const result = validate(
      "BV66a,Rent collected as a percentage of rent due,Valuing Resources,National KPI,%,Higher,MONTHLY,ratio,2,yes,Y",
      '"NI 158","Stage one complaints received per 1,000 homes",Fair Access,Tenant Satisfaction Measure,"per 1,000 homes",none,annual,snapshot,1,0,false',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        code: "BV66a",
        title: "Rent collected as a percentage of rent due",
        theme: "Valuing Resources",
        category: "National KPI",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "ratio",
        decimals: 2,
        tenantTopTen: true,
        byArea: true,
      },
      {
        code: "NI 158",
        title: "Stage one complaints received per 1,000 homes",
        theme: "Fair Access",
        category: "Tenant Satisfaction Measure",
        unit: "per 1,000 homes",
        polarity: "none",
        frequency: "annual",
        aggregation: "snapshot",
        decimals: 1,
        tenantTopTen: false,
        byArea: false,
      },
    ]);
  });

  it("reads surveys every two or three years, and names them in the list of choices", () => {
    const result = validate(
      "TSM01,Overall satisfaction,Decent Homes,Tenant Satisfaction Measure,%,higher,biennial,survey,1,yes,no",
      "STAR1,STAR survey satisfaction,Decent Homes,Local indicator,%,higher,Triennial,survey,1,no,no",
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.frequency)).toEqual(["biennial", "triennial"]);
    expect(messages("X1,X,T,C,%,higher,fortnightly,survey,1,no,no").join("\n")).toMatch(/annual, biennial or triennial/);
  });

  it("reads the optional active column: no retires, yes reinstates, empty or absent leaves it as it is", () => {
    const table = csvTable(
      csv(
        `${HEADER},active`,
        "A1,A,T,C,%,higher,monthly,ratio,1,no,no,no",
        "A2,A,T,C,%,higher,monthly,ratio,1,no,no,Yes",
        "A3,A,T,C,%,higher,monthly,ratio,1,no,no,",
        "A4,A,T,C,%,higher,monthly,ratio,1,no,no,retired",
      ),
    );
    const result = validateIndicators(table);
    expect(result.rows.map((r) => r.active)).toEqual([false, true, undefined]);
    expect(result.problems.map(formatProblem)).toEqual([
      "Line 5, column active: “retired” is not yes or no: “no” retires the indicator",
    ]);
    expect(validate("A1,A,T,C,%,higher,monthly,ratio,1,no,no").rows[0].active).toBeUndefined();
  });

  it("refuses a code that differs from one in the library (retired or not) only in capitals", () => {
    const context = {
      ...testContext(),
      indicators: new Map([["BV66a", { frequency: "monthly", unit: "%", aggregation: "ratio", decimals: 2 }]]),
    } as const;
    const table = csvTable(
      csv(HEADER, "bv66A,Rent,T,C,%,higher,monthly,ratio,2,no,no", "BV66a,Rent,T,C,%,higher,monthly,ratio,2,no,no"),
    );
    expect(validateIndicators(table, context as never).problems.map(formatProblem)).toEqual([
      "Line 2, column code: “bv66A” differs from “BV66a” in the library only in capital letters: use BV66a",
      "Line 3, column code: “BV66a” differs from “bv66A” on line 2 only in capital letters: use one spelling",
    ]);
  });

  it("treats the yes/no columns as optional, defaulting to no", () => {
    const table = csvTable(
      csv(
        "code,title,theme,category,unit,polarity,frequency,aggregation,decimals",
        "LPI-06,Empty homes,Fair Access,Management indicator,count,lower,monthly,snapshot,0",
      ),
    );
    const result = validateIndicators(table);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ tenantTopTen: false, byArea: false });
  });

  it("reports missing headings", () => {
    const result = validateIndicators(csvTable(csv("code,title,unit", "A,B,%")));
    expect(result.problems.map(formatProblem)).toEqual([
      "Line 1: Missing columns “theme”, “category”, “polarity”, “frequency”, “aggregation” and “decimals”. The first row must name the columns: code, title, theme, category, unit, polarity, frequency, aggregation and decimals, and optionally tenant_top_ten, by_area, definition, data_source, owner_email, manager_email, status_basis and active",
    ]);
  });

  it("reports a header with no rows", () => {
    expect(validate().problems).toEqual([{ line: null, column: null, message: "The file has a header but no rows" }]);
  });

  it("reports every bad cell in a row", () => {
    expect(messages(",,Valuing Resources,National KPI,,best,fortnightly,average,2.5,perhaps,")).toEqual([
      "Line 2, column code: No indicator code",
      "Line 2, column title: No title",
      "Line 2, column unit: No unit (e.g. %, days, £, count)",
      "Line 2, column polarity: “best” is not a polarity: use higher, lower or none",
      "Line 2, column frequency: “fortnightly” is not a frequency: use weekly, monthly, quarterly, annual, biennial or triennial",
      "Line 2, column aggregation: “average” is not an aggregation: use ratio, mean, snapshot, sum or survey",
      "Line 2, column decimals: “2.5” is not a number of decimal places: use a whole number from 0 to 4",
      "Line 2, column tenant_top_ten: “perhaps” is not yes or no",
    ]);
    expect(messages("A,T,Th,C,%,higher,monthly,ratio,5,no,no")[0]).toMatch(/“5” is not a number of decimal places/);
  });

  it("reports a duplicate code, and codes that differ only in capitals", () => {
    expect(
      messages(
        "BV66a,T,Th,C,%,higher,monthly,ratio,2,no,no",
        "BV66a,T,Th,C,%,higher,monthly,ratio,2,no,no",
        "bv66a,T,Th,C,%,higher,monthly,ratio,2,no,no",
      ),
    ).toEqual([
      "Line 3, column code: Duplicate indicator: line 2 already has BV66a",
      "Line 4, column code: “bv66a” differs from “BV66a” on line 2 only in capital letters: use one spelling",
    ]);
  });
});

describe("validateIndicators: definitions, data sources, owners and managers", () => {
  const FULL = `${HEADER},definition,data_source,owner_email,manager_email`;
  const context = testContext();
  const check = (...lines: string[]) => validateIndicators(csvTable(csv(FULL, ...lines)), context);

  it("reads the optional columns, matching addresses whatever their case", () => {
    const result = check(
      'LPI-01,Emergency repairs in 24 hours,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no,"Emergency repairs completed within 24 hours of the report, as a percentage of all emergency repairs",Repairs system (job completions),Admin@Northfield.example,officer@northfield.example',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      definition: "Emergency repairs completed within 24 hours of the report, as a percentage of all emergency repairs",
      dataSource: "Repairs system (job completions)",
      ownerEmail: "admin@northfield.example",
      managerEmail: "officer@northfield.example",
    });
  });

  it("takes an empty owner or manager cell as nobody, and an absent column as no change", () => {
    const blank = check("LPI-01,Emergency repairs,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no,,,,");
    expect(blank.rows[0]).toMatchObject({ definition: "", dataSource: "", ownerEmail: null, managerEmail: null });
    const absent = validateIndicators(
      csvTable(csv(HEADER, "LPI-01,Emergency repairs,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no")),
      context,
    );
    expect(absent.rows[0].ownerEmail).toBeUndefined();
    expect(absent.rows[0].definition).toBeUndefined();
  });

  it("names the line of an owner or manager who is not a member, in the same words whether or not they exist elsewhere", () => {
    const result = check(
      "LPI-01,Emergency repairs,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no,,,someone@southbank.example,nobody@nowhere.example",
    );
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^Line 2, column owner_email: .*someone@southbank\.example.* is not a member of this organisation/),
      expect.stringMatching(/^Line 2, column manager_email: .*nobody@nowhere\.example.* is not a member of this organisation/),
    ]);
    expect(result.rows).toEqual([]);
  });

  it("reads status_basis (period or year_to_date, any case); empty keeps the indicator's; anything else is a problem", () => {
    const header = `${HEADER},status_basis`;
    const line = "LPI-01,Emergency repairs,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no,";
    const read = (cell: string) => validateIndicators(csvTable(csv(header, line + cell)), context);
    expect(read("year_to_date").rows[0].statusBasis).toBe("year_to_date");
    expect(read("Period").rows[0].statusBasis).toBe("period");
    expect(read("").rows[0].statusBasis).toBeUndefined();
    expect(read("ytd").problems.map(formatProblem)).toEqual([
      "Line 2, column status_basis: “ytd” is not a status basis: use period or year_to_date",
    ]);
  });

  it("refuses a definition longer than a couple of paragraphs", () => {
    const long = "x".repeat(4001);
    const result = check(`LPI-01,Emergency repairs,Decent Homes,Local indicator,%,higher,monthly,ratio,1,no,no,${long},,,`);
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/Keep the definition to 4000 characters/)]);
  });
});
