import type { AppRouter } from '@kds/api/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type PlaceInput = inferRouterInputs<AppRouter>['order']['place'];
export type Menu = Outputs['menu']['forStore'];
export type MenuItem = Menu['categories'][number]['items'][number];
export type Preview = Outputs['order']['preview'];
export type Tracked = Outputs['tracker']['get'];
