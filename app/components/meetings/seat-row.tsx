import { Form } from "@remix-run/react";
import { MEMBER_KIND_LABELS, SEAT_POSITION_LABELS } from "~/shared/meetings/labels";
import type { MemberKind, SeatPosition } from "~/shared/vocabulary";
import { RowSelect } from "./row-select";

export const positionOptions = (Object.keys(SEAT_POSITION_LABELS) as SeatPosition[]).map((value) => ({
  value,
  label: SEAT_POSITION_LABELS[value],
}));
export const memberKindOptions = (Object.keys(MEMBER_KIND_LABELS) as MemberKind[]).map((value) => ({
  value,
  label: MEMBER_KIND_LABELS[value],
}));

/** A seat changed from its own row reports its problems there: the rows repeat the field names. */
export const seatRowField = (field: string, userId: string) => `${field}-${userId}`;

type SeatRowData = { id: string; userId: string; name: string; position: SeatPosition; memberKind: MemberKind };

/** A seat as a row: its position and kind can be changed in place, or the seat removed. */
export function SeatRow({ seat, errors }: { seat: SeatRowData; errors: Record<string, string> | undefined }) {
  const formId = `seat-${seat.id}`;
  return (
    <tr>
      <th scope="row">
        <bdi>{seat.name}</bdi>
      </th>
      <td>
        <RowSelect
          id={seatRowField("position", seat.userId)}
          name="position"
          label={`Position of ${seat.name}`}
          options={positionOptions}
          defaultValue={seat.position}
          error={errors?.[seatRowField("position", seat.userId)]}
          form={formId}
        />
      </td>
      <td>
        <RowSelect
          id={seatRowField("memberKind", seat.userId)}
          name="memberKind"
          label={`Kind of member for ${seat.name}`}
          options={memberKindOptions}
          defaultValue={seat.memberKind}
          error={errors?.[seatRowField("memberKind", seat.userId)]}
          form={formId}
        />
      </td>
      <td className="row-actions">
        <Form method="post" id={formId}>
          <input type="hidden" name="intent" value="set-seat" />
          <input type="hidden" name="row" value="yes" />
          <input type="hidden" name="userId" value={seat.userId} />
          <button className="button button--secondary button--small" type="submit">
            Save<span className="visually-hidden"> the seat of {seat.name}</span>
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="remove-seat" />
          <input type="hidden" name="seatId" value={seat.id} />
          <button className="button button--warning button--small" type="submit">
            Remove<span className="visually-hidden"> {seat.name}</span>
          </button>
        </Form>
      </td>
    </tr>
  );
}
