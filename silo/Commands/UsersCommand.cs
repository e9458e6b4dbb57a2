using System.CommandLine;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// <c>users add|list|revoke</c>: bearer tokens bound to a unit and a role (an admin's to no unit). The token is
/// printed once and only its hash is stored. These run beside a live silo; a revocation takes effect there within
/// seconds.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Create, list and revoke the users whose tokens sign in to the API and dashboard.")
        {
            CreateAdd(),
            CreateList(),
            CreateRevoke(),
        };
        return command;
    }

    private static Command CreateAdd()
    {
        var unit = new Option<string?>("--unit") { Description = "The unit the user acts for (every role but admin).", HelpName = "ID" };
        var role = new Option<string>("--role") { Description = "branch (report for a branch), board (read the subtree, set quotas below), committee (read the subtree), admin (IT staff: the Orleans dashboard, no unit data).", Required = true };
        role.AcceptOnlyFromAmong("branch", "board", "committee", "admin");
        var name = new Option<string>("--name") { Description = "Who the user is, as the audit log will show it.", Required = true, HelpName = "NAME" };
        var command = new Command("add", "Create a user and print their token (shown only once).") { unit, role, name };
        command.TreatUnmatchedTokensAsErrors = false;

        // An admin runs the silo and reads no unit, so binding one to a unit would suggest a scope it does not have.
        command.Validators.Add(result =>
        {
            // The raw tokens: a role outside the list is reported by its own validator, and GetValue would throw here.
            var roleName = result.GetResult(role)?.Tokens.FirstOrDefault()?.Value;
            var admin = string.Equals(roleName, "admin", StringComparison.OrdinalIgnoreCase);
            var hasUnit = result.GetResult(unit)?.Tokens.Any(t => !string.IsNullOrWhiteSpace(t.Value)) == true;
            if (admin && hasUnit)
            {
                result.AddError("An admin is bound to no unit; leave out --unit.");
            }
            else if (!admin && !hasUnit && roleName is not null)
            {
                result.AddError("--unit is required for the branch, board and committee roles.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunOfflineAsync(parse, async (services, _) =>
        {
            var userName = parse.GetValue(name)!.Trim();
            var siloRole = Enum.Parse<SiloRole>(parse.GetValue(role)!, ignoreCase: true);
            if (userName.Length is 0 or > 200)
            {
                throw new CommandLineException("--name must have 1 to 200 characters.");
            }

            var users = services.GetRequiredService<UserStore>();
            if (siloRole == SiloRole.Admin)
            {
                var (admin, adminToken) = await users.AddAsync("", siloRole, userName, ImportGuard.Operator("users add"));
                Console.WriteLine($"Created user {admin.Id}: {admin.Name}, admin (the Orleans dashboard at /orleans; no unit data).");
                PrintToken(adminToken);
                return CommandRunner.Ok;
            }

            var unitId = parse.GetValue(unit)!.Trim();
            var info = await services.GetRequiredService<StoredUnits>().GetInfoAsync(unitId);
            if (!info.Exists)
            {
                throw new CommandLineException($"there is no unit '{unitId}' in this database ({services.GetRequiredService<StorageTarget>().Describe()}).");
            }

            if ((siloRole == SiloRole.Branch) != (info.Level == UnitLevel.Branch))
            {
                throw new CommandLineException(siloRole == SiloRole.Branch
                    ? $"the branch role is for branches; '{unitId}' is a {JsonNames.Of(info.Level)}."
                    : $"a {JsonNames.Of(siloRole)} acts for a province, district or ward; '{unitId}' is a branch.");
            }

            var (user, token) = await users.AddAsync(unitId, siloRole, userName, ImportGuard.Operator("users add"));
            Console.WriteLine($"Created user {user.Id}: {user.Name}, {JsonNames.Of(user.Role)} of {info.Id} {info.Name}.");
            PrintToken(token);
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static void PrintToken(string token)
    {
        Console.WriteLine("Token (shown only now; give it to the user and keep no copy):");
        Console.WriteLine(token);
    }

    private static Command CreateList()
    {
        var all = new Option<bool>("--all") { Description = "Include revoked users." };
        var command = new Command("list", "List users (never their tokens).") { all };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunOfflineAsync(parse, async (services, ct) =>
        {
            var users = (await services.GetRequiredService<UserStore>().ListAsync(ct))
                .Where(u => parse.GetValue(all) || u.IsActive)
                .ToList();
            if (users.Count == 0)
            {
                Console.WriteLine("No users. Create one with: users add --unit ID --role branch|board|committee --name NAME (or users add --role admin --name NAME)");
                return CommandRunner.Ok;
            }

            Console.WriteLine($"{"ID",-12} {"ROLE",-10} {"UNIT",-12} {"CREATED",-17} {"STATUS",-8} NAME");
            foreach (var user in users)
            {
                var status = user.IsActive ? "active" : "revoked";
                Console.WriteLine($"{user.Id,-12} {JsonNames.Of(user.Role),-10} {(user.UnitId.Length > 0 ? user.UnitId : "-"),-12} {user.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm} {status,-8} {user.Name}{(user.Demo ? " (demo)" : "")}");
            }

            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command CreateRevoke()
    {
        var id = new Argument<string>("ID") { Description = "The user's id (from users list)." };
        var command = new Command("revoke", "Revoke a user's token; a running silo stops accepting it within seconds.") { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunOfflineAsync(parse, async (services, _) =>
        {
            var userId = parse.GetValue(id)!;
            if (!await services.GetRequiredService<UserStore>().RevokeAsync(userId, ImportGuard.Operator("users revoke")))
            {
                throw new CommandLineException($"there is no user '{userId}'.");
            }

            Console.WriteLine($"Revoked {userId}.");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
