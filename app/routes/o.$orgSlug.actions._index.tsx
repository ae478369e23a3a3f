// The action log: every action of the organisation, carried from meeting to meeting until
// it closes, filtered by committee, status and owner; officers add actions here too.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { typedText } from "~/shared/typed-text";
import { AddActionForm } from "~/components/meetings/add-action-form";
import { ActionLogTable } from "~/components/meetings/action-log-table";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ErrorSummary, SelectField } from "~/components/ui/form-fields";
import { ACTION_LIST_STATUSES, type ActionListStatus } from "~/shared/meetings/action-log-view";
import { ukToday } from "~/shared/meetings/action-status";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { countActions } from "../../db/queries/actions";
import { listBodies } from "../../db/queries/meetings";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { ACTION_DESCRIPTION_MAX_LENGTH, addAction } from "../../server/commands/action-log";
import { isIsoDate } from "~/shared/dates";
import { CommandError } from "../../server/commands/errors";
import { loadActionLog } from "../../server/meetings/action-review";
import { listIndicators } from "../../server/performance/scorecard";
import { authorize } from "../../server/policies/authorize";
import { actionPolicy } from "../../server/policies/meeting-policy";
import type { Principal } from "../../server/policies/principal";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Action log – Minuted" }];
export const links: LinksFunction = () => actionStylesLinks();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A chosen id, or blank for "none". */
const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .refine((v) => !v || UUID.test(v), { message })
    .transform((v) => v || null);

const STATUS_FILTER_LABELS: Record<ActionListStatus, string> = {
  open: "Open",
  overdue: "Overdue",
  complete: "Complete",
  all: "All",
};

const querySchema = z.object({
  body: optionalId("Choose a committee or panel from the list"),
  status: z.enum(ACTION_LIST_STATUSES, { message: "Choose open, overdue, complete or all" }).default("open"),
  mine: z.literal("1", { message: "“Only my actions” is either ticked or not" }).optional(),
});

const addActionSchema = z.object({
  intent: z.literal("add", { message: "Choose what to do" }),
  description: typedText({ message: "Say what the action is" })
    .trim()
    .min(1, "Say what the action is")
    .max(ACTION_DESCRIPTION_MAX_LENGTH, `Keep the action to ${ACTION_DESCRIPTION_MAX_LENGTH} characters or fewer`),
  ownerUserId: z.string({ message: "Choose who owns the action" }).regex(UUID, "Choose who owns the action"),
  dueDate: z
    .string({ message: "Enter the due date" })
    .refine(isIsoDate, "Enter the due date as a real date, for example 31 December 2026"),
  bodyId: optionalId("Choose a committee or panel from the list, or none"),
  indicatorId: optionalId("Choose an indicator from the list, or none"),
});

/** Adding to the log is for those who may update any action: officers and admins (an owner updates only their own). */
const mayAddActions = (principal: Principal, organisationId: string) => actionPolicy.add(principal, { id: organisationId });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(actionPolicy.view(principal, { organisationId: org.id })));
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response(query.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const { db } = context.services;
  const bodies = await listBodies(db, org.id);
  const { body, status, mine } = query.data;
  if (body && !bodies.some((b) => b.id === body))
    throw new Response("Choose a committee or panel from the list", { status: 400 });
  const today = ukToday();
  const filter = { bodyId: body, ownerUserId: mine ? user.id : null, today };
  const canAdd = mayAddActions(principal, org.id);
  const [rows, counts, people, indicators] = await Promise.all([
    loadActionLog(db, org.id, { ...filter, status }),
    countActions(db, org.id, filter),
    canAdd ? listMembersOfOrganisation(db, org.id) : Promise.resolve([]),
    canAdd ? listIndicators(db, org.id) : Promise.resolve([]),
  ]);
  const bodyOptions = bodies.map((b) => ({ value: b.id, label: b.name }));
  return {
    orgSlug: org.slug,
    filters: { body: body ?? "", status, mine: Boolean(mine) },
    bodyName: body ? (bodies.find((b) => b.id === body)?.name ?? null) : null,
    bodyOptions,
    rows,
    counts,
    addForm: canAdd
      ? {
          people: people.map((p) => ({ value: p.userId, label: p.name })),
          indicators: indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` })),
          bodies: bodyOptions,
        }
      : null,
  };
}

type ActionResult = { fieldErrors: Record<string, string>; values: Record<string, string> };

/** What was typed, sent back with the errors so nothing has to be typed twice. */
const typed = (form: FormData) =>
  Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const form = await readFormData(request);
  const parsed = parseForm(addActionSchema, form);
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors, values: typed(form) }, { status: 400 });
  authorizeOr403(() => authorize(mayAddActions(principal, org.id)));
  const { intent: _intent, ...input } = parsed.data;
  try {
    const added = await addAction(
      context.services.db,
      { organisationId: org.id, ...input },
      { userId: user.id, label: user.email },
    );
    return redirect(`/o/${org.slug}/actions/${added.id}?saved=added`);
  } catch (error) {
    if (error instanceof CommandError)
      return data<ActionResult>(
        { fieldErrors: { [error.field ?? "form"]: error.message }, values: typed(form) },
        { status: 400 },
      );
    throw error;
  }
}

function captionOf(page: { filters: { status: ActionListStatus; mine: boolean }; bodyName: string | null }, shown: number) {
  const which = { open: "Open actions", overdue: "Overdue actions", complete: "Completed actions", all: "All actions" }[
    page.filters.status
  ];
  const whose = page.filters.mine ? " you own" : "";
  const where = page.bodyName ? ` of the ${page.bodyName}` : "";
  return `${which}${whose}${where}: ${shown} shown`;
}

export default function ActionLogPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors;
  const { counts, filters } = page;

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Action log</h1>
      <p className="lede">
        Actions agreed at meetings, carried forward from meeting to meeting until each one closes. Each meeting reviews the last
        one’s actions first.
      </p>

      <Form method="get" className="filters action-filters" aria-label="Filter the action log">
        <div className="inline-form">
          <SelectField
            name="body"
            label="Committee or panel"
            options={[{ value: "", label: "All" }, ...page.bodyOptions]}
            defaultValue={filters.body}
          />
          <SelectField
            name="status"
            label="Status"
            options={ACTION_LIST_STATUSES.map((s) => ({ value: s, label: STATUS_FILTER_LABELS[s] }))}
            defaultValue={filters.status}
          />
          <div className="form-group checkboxes">
            <input type="checkbox" id="mine" name="mine" value="1" defaultChecked={filters.mine} />
            <label htmlFor="mine">Only my actions</label>
          </div>
          <div className="form-group">
            <button className="button" type="submit">
              Show
            </button>
          </div>
        </div>
      </Form>

      <ul className="action-counts" data-testid="action-counts" aria-label={filters.mine ? "Your actions" : "Actions in the log"}>
        <li>
          <strong>{counts.open}</strong> open
        </li>
        <li className={counts.overdue ? "action-counts__overdue" : undefined}>
          <strong>{counts.overdue}</strong> overdue
        </li>
        <li>
          <strong>{counts.complete}</strong> complete
        </li>
      </ul>

      {page.rows.length === 0 ? (
        <div className="notification">{emptyMessage(filters)}</div>
      ) : (
        <ActionLogTable
          rows={page.rows}
          caption={captionOf(page, page.rows.length)}
          actionHref={(id) => `/o/${page.orgSlug}/actions/${id}`}
        />
      )}

      {page.addForm ? <AddActionForm {...page.addForm} errors={errors} values={result?.values} busy={busy} /> : null}
    </>
  );
}

function emptyMessage(filters: { status: ActionListStatus; mine: boolean }) {
  const whose = filters.mine ? " of yours" : "";
  switch (filters.status) {
    case "overdue":
      return `No actions${whose} are overdue.`;
    case "complete":
      return `No actions${whose} have been completed yet.`;
    case "open":
      return `No actions${whose} are open. Actions agreed in meetings are carried forward here until each one closes.`;
    default:
      return `No actions${whose} have been agreed yet. Actions agreed in meetings are carried forward here until each one closes.`;
  }
}
