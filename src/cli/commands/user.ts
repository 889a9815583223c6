/**
 * `openirm user create | list | reset-password | disable | enable | demo-code`.
 * Passwords are read from --password or, better, the OPENIRM_PASSWORD variable, so they
 * need not appear in the shell history.
 */
import { Option } from 'commander';
import { DomainError } from '../../domain/errors.ts';
import { totpCodeAt, TOTP_PERIOD_SECONDS } from '../../domain/accounts/two-factor.ts';
import { DEMO_TOTP_EMAIL, DEMO_TOTP_SECRET } from '../../server/use-cases/seed-demo.ts';
import { changeUser, createUser, createUserInputSchema, listAllUsers, resetUserPassword } from '../../server/use-cases/users.ts';
import { withSystemContext, type DbOptions, type RegisterCommands } from './shared.ts';


const passwordOption = () => new Option('--password <password>', 'the password').env('OPENIRM_PASSWORD').makeOptionMandatory();

export const registerUserCommands: RegisterCommands = (program, kit) => {
  const user = program.command('user').description('manage accounts');

  user
    .command('create')
    .description('create an account')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(['secretariat', 'focal-point', 'expert', 'delegate']).makeOptionMandatory())
    .option('--state <iso3>', 'ISO 3166 alpha-3 code of the State (focal points and experts)')
    .addOption(passwordOption())
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (o: DbOptions & { email: string; name: string; role: string; state?: string; password: string }) => {
      await withSystemContext(kit, o, 'user create', async (ctx) => {
        const parsed = createUserInputSchema.safeParse({ email: o.email, displayName: o.name, role: o.role, stateIso3: o.state ?? null, password: o.password });
        if (!parsed.success) throw new DomainError('user.invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        const created = await createUser(ctx, parsed.data);
        process.stdout.write(`Created ${created.email} (${created.role}${created.stateIso3 ? ` of ${created.stateIso3}` : ''}).\n`);
      });
    });

  user
    .command('list')
    .description('list accounts')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (o: DbOptions) => {
      await withSystemContext(kit, o, 'user list', async (ctx) => {
        for (const u of await listAllUsers(ctx)) {
          const flags = [u.isDisabled ? 'disabled' : 'active', u.isDemo ? 'demo' : ''].filter(Boolean).join(',');
          process.stdout.write(`${u.email.padEnd(32)} ${u.role.padEnd(12)} ${(u.stateIso3 ?? '-').padEnd(4)} ${flags}\n`);
        }
      });
    });

  user
    .command('reset-password <email>')
    .description('set a new password (ends every session of the user)')
    .addOption(passwordOption())
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (email: string, o: DbOptions & { password: string }) => {
      await withSystemContext(kit, o, 'user reset-password', async (ctx) => {
        const updated = await resetUserPassword(ctx, email, o.password);
        process.stdout.write(`Password of ${updated.email} reset; its sessions have ended.\n`);
      });
    });

  for (const [name, isDisabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <email>`)
      .description(isDisabled ? 'disable an account (ends its sessions)' : 'enable a disabled account')
      .addOption(kit.dataDirOption())
      .addOption(kit.databaseUrlOption())
      .action(async (email: string, o: DbOptions) => {
        await withSystemContext(kit, o, `user ${name}`, async (ctx) => {
          const updated = await changeUser(ctx, email, { isDisabled });
          process.stdout.write(`${updated.email} is now ${isDisabled ? 'disabled' : 'enabled'}.\n`);
        });
      });
  }

  user
    .command('demo-code [email]')
    .description(`print the current two-factor code of the demo secretariat (${DEMO_TOTP_EMAIL}); its secret is published, demo only`)
    .action((email: string | undefined) => {
      // Only the seeded demo account: its secret is a constant in the source code. Real
      // accounts' secrets are never printed, whatever is asked.
      if (email !== undefined && email.trim().toLowerCase() !== DEMO_TOTP_EMAIL) {
        process.stderr.write(`demo-code works only for the demo account ${DEMO_TOTP_EMAIL}, whose secret is published; other accounts use their authenticator app.\n`);
        process.exitCode = 1;
        return;
      }
      const now = new Date();
      const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
      process.stdout.write(`${totpCodeAt(DEMO_TOTP_SECRET, now)}\n`);
      process.stderr.write(`(code for ${DEMO_TOTP_EMAIL}, valid for about ${secondsLeft} s more; demo secret ${DEMO_TOTP_SECRET})\n`);
    });
};
