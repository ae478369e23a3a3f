import { UNAUDITED_LABEL } from "~/shared/performance/unaudited";

/** "Unaudited" beside a figure, in words (never a colour or an icon alone). */
export function UnauditedTag() {
  return (
    <>
      {" "}
      <span className="tag tag--unaudited" data-testid="unaudited">
        {UNAUDITED_LABEL}
      </span>
    </>
  );
}
