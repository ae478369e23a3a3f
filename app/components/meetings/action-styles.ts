import actionsStylesheet from "~/styles/actions.css?url";

/**
 * The action log's stylesheet, for a route's `links` export: any route that shows the
 * action log, an action or the ActionReviewTable adds `...actionStylesLinks()`.
 */
export const actionStylesLinks = () => [{ rel: "stylesheet", href: actionsStylesheet }];
