import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/ui/form-fields";
import { ResultBanner } from "~/components/meetings/result-banner";
import { EXCEPTION_RULE_LABELS } from "~/shared/performance/exceptions";
import { EXCEPTION_RULES } from "~/shared/vocabulary";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { setExceptionRule } from "../../server/commands/organisation-settings";
import { authorize } from "../../server/policies/authorize";
import { organisationPolicy } from "../../server/policies/organisation-policy";

export const meta: MetaFunction = () => [{ title: "What counts as an exception – Minuted" }];

const HINTS: Record<(typeof EXCEPTION_RULES)[number], string> = {
  not_on_target:
    "Amber and red: every indicator within tolerance or off target needs a commentary (the frameworks' “below or not on target”).",
  off_target_only: "Red only: amber is the agreed margin for normal variation and needs no commentary.",
};

const settingSchema = z.object({
  exceptionRule: z.enum(EXCEPTION_RULES, { message: "Choose what counts as an exception" }),
});

/** The organisation's exception rule, for admins: which statuses need an exception commentary. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(organisationPolicy.administer(principal, org)));
  return { orgSlug: org.slug, exceptionRule: await exceptionRuleOf(context.services.db, org.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const formData = await readFormData(request);
  authorizeOr403(() => authorize(organisationPolicy.administer(principal, org)));
  const parsed = parseForm(settingSchema, formData);
  if (!parsed.ok) return invalidForm("exception-rule", parsed.fieldErrors, formData);
  const { changed } = await setExceptionRule(
    context.services.db,
    { organisationId: org.id, exceptionRule: parsed.data.exceptionRule },
    { userId: user.id, label: user.email },
  );
  const label = EXCEPTION_RULE_LABELS[parsed.data.exceptionRule];
  return formDone(
    "exception-rule",
    changed ? `Saved: what counts as an exception is now “${label}”.` : `No change: it was already “${label}”.`,
  );
}

export default function ExceptionSettingPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const error = result?.fieldErrors?.exceptionRule;
  const chosen = result?.values?.exceptionRule ?? data.exceptionRule;
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      <ResultBanner message={result?.message} />
      <h1>What counts as an exception</h1>
      <p className="lede">
        An exception needs a commentary (the reason for the variance, the remedial action, the expected date of recovery) before
        the pack is frozen. This setting decides it for the exceptions page, the month in progress, publishing a month and the
        packs&apos; exceptions items. Commentaries already written are kept whichever you choose.
      </p>
      <Form method="post" noValidate>
        <fieldset className="radios" aria-describedby={error ? "exceptionRule-error" : undefined}>
          <legend>An indicator is an exception when its status is</legend>
          {error ? (
            <span id="exceptionRule-error" className="error-message">
              <span className="visually-hidden">Error:</span> {error}
            </span>
          ) : null}
          {EXCEPTION_RULES.map((rule, index) => (
            <div className="radios__item" key={rule}>
              <input
                type="radio"
                name="exceptionRule"
                id={index === 0 ? "exceptionRule" : `exceptionRule-${rule}`}
                value={rule}
                defaultChecked={chosen === rule}
                aria-describedby={`exceptionRule-${rule}-hint`}
              />
              <label htmlFor={index === 0 ? "exceptionRule" : `exceptionRule-${rule}`}>{EXCEPTION_RULE_LABELS[rule]}</label>
              <div className="hint" id={`exceptionRule-${rule}-hint`}>
                {HINTS[rule]}
              </div>
            </div>
          ))}
        </fieldset>
        <button className="button" type="submit">
          Save
        </button>
      </Form>
      <p>
        <Link to={`/o/${data.orgSlug}/exceptions`}>See this month&apos;s exceptions</Link>
      </p>
    </>
  );
}
