import {
  type AnyRoute,
  type AnyValidator,
  type Constrain,
  createRoute,
  type DefaultValidator,
  type RouteComponent,
} from "@tanstack/react-router";

/**
 * The routes of one screen each under `parent`: a path, the page, and the validator of its search parameters when
 * it reads any.
 */
export function screenRoutes<P extends AnyRoute>(parent: P) {
  return <const TPath extends string, TSearchValidator = undefined>(
    path: TPath,
    component: RouteComponent,
    validateSearch?: TSearchValidator,
  ) =>
    createRoute({
      getParentRoute: () => parent,
      path,
      component,
      // absent, it is the `undefined` createRoute itself would infer for a screen without search parameters
      validateSearch: validateSearch as Constrain<TSearchValidator, AnyValidator, DefaultValidator>,
    });
}
