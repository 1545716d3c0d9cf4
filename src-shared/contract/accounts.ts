import { z } from 'zod';
import { BRANCH_SCOPES, ROLES } from '../domain/roles';
import { defineMethod } from './define';
import { Empty, Id, IsoDateTime, Ok, optionalText, requiredText } from './common';

export const Username = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' });
export const NewPassword = z.string({ error: 'validation.required' }).min(10, { error: 'validation.password' }).max(200);
export const BranchCode = z
  .string({ error: 'validation.required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, { error: 'validation.branchCode' });

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  branchId: Id,
  branchName: z.string(),
  branchScope: z.enum(BRANCH_SCOPES),
  mustChangePassword: z.boolean(),
  /** The screen is locked: the renderer shows the lock screen, the server answers only unlock and sign-out. */
  locked: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Branch = z.object({
  id: Id,
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  city: z.string().nullable(),
  isHeadquarters: z.boolean(),
});
export type Branch = z.infer<typeof Branch>;

export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  branchId: Id,
  branchName: z.string(),
  branchScope: z.enum(BRANCH_SCOPES),
  active: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
  lastLoginAt: IsoDateTime.nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

const BranchInput = z.object({
  code: BranchCode,
  nameAr: requiredText(80),
  nameEn: optionalText(80),
  city: optionalText(60),
});

export const accountMethods = {
  'setup.status': defineMethod({
    input: Empty,
    output: z.object({ initialised: z.boolean(), associationNameAr: z.string().nullable(), associationNameEn: z.string().nullable() }),
    access: 'public',
    writes: false,
  }),
  'setup.initialise': defineMethod({
    input: z.object({
      associationNameAr: requiredText(120),
      associationNameEn: optionalText(120),
      branch: BranchInput,
      admin: z.object({ username: Username, displayName: requiredText(80), password: NewPassword }),
    }),
    output: SessionUser,
    access: 'public',
    writes: true,
  }),
  'auth.login': defineMethod({
    input: z.object({ username: z.string().trim().toLowerCase().min(1, { error: 'validation.required' }).max(64), password: z.string().min(1, { error: 'validation.required' }).max(200) }),
    output: SessionUser,
    access: 'public',
    writes: true,
  }),
  'auth.logout': defineMethod({ input: Empty, output: Ok, access: 'session', writes: true }),
  'auth.me': defineMethod({ input: Empty, output: z.object({ user: SessionUser.nullable() }), access: 'public', writes: false }),
  'auth.changePassword': defineMethod({
    input: z.object({ currentPassword: z.string().min(1, { error: 'validation.required' }).max(200), newPassword: NewPassword }),
    output: Ok,
    access: 'session',
    writes: true,
  }),
  'users.list': defineMethod({ input: Empty, output: z.object({ users: z.array(UserSummary) }), access: ['admin'], writes: false }),
  'users.create': defineMethod({
    input: z.object({
      username: Username,
      displayName: requiredText(80),
      role: z.enum(ROLES, { error: 'validation.invalidChoice' }),
      branchId: Id,
      branchScope: z.enum(BRANCH_SCOPES, { error: 'validation.invalidChoice' }),
      password: NewPassword,
    }),
    output: UserSummary,
    access: ['admin'],
    writes: true,
  }),
  'users.update': defineMethod({
    input: z.object({
      id: Id,
      displayName: requiredText(80),
      role: z.enum(ROLES, { error: 'validation.invalidChoice' }),
      branchId: Id,
      branchScope: z.enum(BRANCH_SCOPES, { error: 'validation.invalidChoice' }),
      active: z.boolean(),
    }),
    output: UserSummary,
    access: ['admin'],
    writes: true,
  }),
  'users.resetPassword': defineMethod({
    input: z.object({ id: Id, newPassword: NewPassword }),
    output: Ok,
    access: ['admin'],
    writes: true,
  }),
  'branches.list': defineMethod({ input: Empty, output: z.object({ branches: z.array(Branch) }), access: 'session', writes: false }),
  'branches.create': defineMethod({ input: BranchInput, output: Branch, access: ['admin'], writes: true }),
};
