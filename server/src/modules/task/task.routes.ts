import {
  IdParams,
  Task,
  TaskCreate,
  TaskDetail,
  TaskListQuery,
  TaskPage,
  TaskReturnInput,
  TaskSubmitInput,
  TaskVerifyInput,
  TaskVerifyPartlyInput,
} from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { taskExportRoutes } from './task.export.ts';
import * as service from './task.service.ts';
import { taskEditRoutes } from './task-edit.routes.ts';
import * as lifecycle from './task-lifecycle.service.ts';

export function taskRoutes(app: App, deps: AppDeps) {
  const detail = { 200: TaskDetail };
  taskExportRoutes(app, deps);
  taskEditRoutes(app, deps);
  app.get(
    '/api/tasks',
    { config: { permission: 'task.read' }, schema: { querystring: TaskListQuery, response: { 200: TaskPage } } },
    (req) => service.listTasks(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/tasks/:id',
    { config: { permission: 'task.read' }, schema: { params: IdParams, response: detail } },
    (req) => service.getTask(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/findings/:id/tasks',
    { config: { permission: 'task.create' }, schema: { params: IdParams, body: TaskCreate, response: { 200: Task } } },
    (req) => service.createTask(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/tasks/:id/start',
    {
      config: { permission: 'task.start' },
      schema: { params: IdParams, body: z.object({}).optional(), response: detail },
    },
    (req) => service.transitionTask(contextOf(deps, req), req.params.id, 'start', null),
  );
  app.post(
    '/api/tasks/:id/submit',
    { config: { permission: 'task.submit' }, schema: { params: IdParams, body: TaskSubmitInput, response: detail } },
    (req) => service.transitionTask(contextOf(deps, req), req.params.id, 'submit', req.body.summary),
  );
  app.post(
    '/api/tasks/:id/verify',
    { config: { permission: 'task.verify' }, schema: { params: IdParams, body: TaskVerifyInput, response: detail } },
    (req) => lifecycle.verifyTask(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/tasks/:id/verify-partly',
    {
      config: { permission: 'task.verify' },
      schema: { params: IdParams, body: TaskVerifyPartlyInput, response: detail },
    },
    (req) => lifecycle.verifyTaskPartly(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/tasks/:id/return',
    { config: { permission: 'task.return' }, schema: { params: IdParams, body: TaskReturnInput, response: detail } },
    (req) => lifecycle.returnTask(contextOf(deps, req), req.params.id, req.body.reason),
  );
}
