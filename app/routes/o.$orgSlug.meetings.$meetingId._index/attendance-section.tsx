import { Form } from "@remix-run/react";
import { RowSelect } from "~/components/meetings/row-select";
import { SelectField, TextField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { ATTENDANCE_LABELS } from "~/shared/meetings/labels";
import { PRE_MEETING_ATTENDANCE } from "~/shared/meetings/form-choices";
import type { FormResult } from "~/utils/command-response.server";
import type { MeetingPageData } from "./meeting-page-data.server";

type Row = MeetingPageData["attendance"][number];

const beforeMeetingOptions = PRE_MEETING_ATTENDANCE.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));

/**
 * Who is expected, who sent apologies, and (once the meeting has run) who came and when
 * they arrived and left. Before the meeting, the clerk records apologies and absences,
 * invites officers and adds guests.
 */
export function AttendanceSection({
  rows,
  expected,
  body,
  canManage,
  canCorrect = canManage,
  invitable,
  result,
}: {
  rows: Row[];
  expected: MeetingPageData["expected"];
  body: MeetingPageData["body"];
  canManage: boolean;
  /** After the meeting, until its minutes are frozen: members' apologies and absences can still be recorded. */
  canCorrect?: boolean;
  invitable: MeetingPageData["invitable"];
  result: FormResult | undefined;
}) {
  const errors = result?.fieldErrors;
  const short = expected.members < body.quorumCount;
  return (
    <section aria-labelledby="attendance-heading" className="attendance">
      <h2 id="attendance-heading">Attendance</h2>
      <p className={short ? "attendance__summary attendance__summary--short" : "attendance__summary"}>
        {short ? <strong>Quorum at risk: </strong> : null}
        {expected.members} of {body.seats} member{body.seats === 1 ? "" : "s"} expected
        {expected.apologies ? `, ${expected.apologies} with apologies` : ""}. The quorum is {body.quorum}.
      </p>
      {rows.length ? (
        <TableRegion label="Attendance table">
          <table className="table attendance-table" aria-labelledby="attendance-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Attending as</th>
                <th scope="col">Attendance</th>
                <th scope="col">Arrived</th>
                <th scope="col">Left</th>
                {canCorrect ? (
                  <th scope="col">
                    <span className="visually-hidden">Change</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td>{row.role}</td>
                  <td>
                    {canCorrect && row.attendance !== "present" ? (
                      <RowSelect
                        id={`attendance-${row.id}`}
                        name="attendance"
                        label={`Attendance of ${row.name}`}
                        options={beforeMeetingOptions}
                        defaultValue={row.attendance}
                        form={`attendance-form-${row.id}`}
                      />
                    ) : (
                      <span className={`attendance-state attendance-state--${row.attendance}`}>{row.attendanceLabel}</span>
                    )}
                    {row.apologyNote ? (
                      <span className="attendance__apology" data-testid="apology-note">
                        {row.apologyNote}
                      </span>
                    ) : null}
                  </td>
                  <td>{row.arrived}</td>
                  <td>{row.left}</td>
                  {canCorrect ? (
                    <td className="row-actions">
                      <Form method="post" id={`attendance-form-${row.id}`}>
                        <input type="hidden" name="intent" value="set-attendance" />
                        <input type="hidden" name="attendeeId" value={row.id} />
                        <button className="button button--secondary button--small" type="submit">
                          Save<span className="visually-hidden"> the attendance of {row.name}</span>
                        </button>
                      </Form>
                      {canManage && row.capacity !== "member" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove-attendee" />
                          <input type="hidden" name="attendeeId" value={row.id} />
                          <button className="link-button" type="submit">
                            Remove<span className="visually-hidden"> {row.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>Nobody is expected yet: seat members on {body.name} first.</p>
      )}

      {canManage ? (
        <div className="attendance__forms">
          {invitable.length ? (
            <Form method="post" className="inline-form" noValidate key={`invite-${rows.length}`}>
              <input type="hidden" name="intent" value="invite-officer" />
              <SelectField
                name="userId"
                label="Invite an officer"
                hint="To present a report or advise the meeting"
                options={[{ value: "", label: "Choose a person" }, ...invitable.map((p) => ({ value: p.id, label: p.name }))]}
                error={result?.intent === "invite-officer" ? errors?.userId : undefined}
              />
              <div className="form-group">
                <button className="button button--secondary" type="submit">
                  Invite
                </button>
              </div>
            </Form>
          ) : null}
          <Form method="post" className="inline-form" noValidate key={`guest-${rows.length}`}>
            <input type="hidden" name="intent" value="add-guest" />
            <TextField
              type="text"
              name="name"
              label="Add a guest"
              hint="Someone without an account: a name, and their role if it helps"
              error={result?.intent === "add-guest" ? errors?.name : undefined}
              autoComplete="off"
            />
            <div className="form-group">
              <button className="button button--secondary" type="submit">
                Add the guest
              </button>
            </div>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
