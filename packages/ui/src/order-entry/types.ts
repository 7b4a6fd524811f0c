import type { AppRouter } from '@kds/api/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type Menu = inferRouterOutputs<AppRouter>['menu']['forStore'];
export type MenuItem = Menu['categories'][number]['items'][number];
export type Preview = inferRouterOutputs<AppRouter>['order']['preview'];
export type EnterInput = inferRouterInputs<AppRouter>['order']['enter'];
export type Entered = inferRouterOutputs<AppRouter>['order']['enter'];
