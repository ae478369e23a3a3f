// The reception screen: the tenant top ten, one indicator at a time in large type,
// rotating, updated live when a figure changes. No sign-in, no navigation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadTenantTopTen, requirePublicOrganisation } from "~/utils/public-data.server";
import { ScreenRotation } from "~/components/public/screen-rotation";
import { usePublicFigures } from "~/components/public/use-public-figures";
import publicStyles from "~/styles/public.css?url";

export const links = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.org.name}: how we are doing, the tenant top ten` : "Page not found" },
];

/** Seconds each indicator stays on the screen: ?seconds=N, 5 to 120. */
const DEFAULT_SECONDS = 10;

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { db } = context.services;
  const org = await requirePublicOrganisation(db, params.orgSlug);
  const topTen = await loadTenantTopTen(db, org.id);
  const asked = Number(new URL(request.url).searchParams.get("seconds"));
  const seconds = Number.isInteger(asked) && asked >= 5 && asked <= 120 ? asked : DEFAULT_SECONDS;
  return { org: { slug: org.slug, name: org.name, isDemo: org.isDemo }, topTen, seconds };
}

export default function ReceptionScreen() {
  const { org, topTen, seconds } = useLoaderData<typeof loader>();
  const live = usePublicFigures(org.slug);
  return (
    <div className="screen">
      <header className="screen__header">
        <p className="screen__org">{org.name}</p>
        <h1 className="screen__heading">
          How we are doing: the tenant top ten
          {topTen.periodText ? <span className="screen__period">Latest figures: {topTen.periodText}</span> : null}
        </h1>
      </header>
      <main id="main" className="screen__main">
        {topTen.lines.length === 0 ? (
          <p className="screen__empty">No figures have been published yet.</p>
        ) : (
          <ScreenRotation lines={topTen.lines} intervalMs={seconds * 1000} />
        )}
        {topTen.notYetPublished.length > 0 ? (
          <p className="screen__pending">Not yet published: {topTen.notYetPublished.map((item) => item.title).join("; ")}.</p>
        ) : null}
      </main>
      <footer className="screen__footer">
        {org.isDemo ? <span>Demo organisation: sample data, not real results. </span> : null}
        <span data-live-state={live.state}>
          {live.state === "live"
            ? "These figures update by themselves when they change."
            : live.state === "offline"
              ? "Not connected: the figures shown may not be the latest."
              : ""}
        </span>
      </footer>
    </div>
  );
}
