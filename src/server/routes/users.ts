/**
 * Account administration by the secretariat.
 */
import { z } from 'zod';
import { presentUser, userSchema } from '../presenters/user.ts';
import { changeUser, createUser, createUserInputSchema, listAllUsers, updateUserInputSchema } from '../use-cases/users.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

export function registerUserRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/users',
    { config: { action: 'users.list' }, schema: { tags: ['admin'], summary: 'All accounts', response: { 200: z.object({ users: z.array(userSchema) }) } } },
    async (request) => ({ users: (await listAllUsers(contextOf(request, deps))).map(presentUser) }),
  );

  app.post(
    '/api/users',
    {
      config: { action: 'users.create' },
      schema: {
        tags: ['admin'],
        summary: 'Create an account',
        body: createUserInputSchema.omit({ isDemo: true }),
        response: { 201: z.object({ user: userSchema }), 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(contextOf(request, deps), request.body);
      return reply.code(201).send({ user: presentUser(user) });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { action: 'users.update' },
      schema: {
        tags: ['admin'],
        summary: 'Disable, enable or rename an account',
        params: z.object({ id: z.uuid() }),
        body: updateUserInputSchema,
        response: { 200: z.object({ user: userSchema }), 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => ({ user: presentUser(await changeUser(contextOf(request, deps), request.params.id, request.body)) }),
  );
}
