using System.Security.Claims;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>What one part's form (基本信息, 正文, 表二/三/四) needs to be checked, compared and saved.</summary>
public sealed record ReportPart<TForm>(
    Func<AnnualReport, IValidator<TForm>> Validator,
    Func<AnnualReport, ReportForm> Stored,
    Func<AnnualReport, AnnualReport> Apply,
    string? SavedPage = null)
    where TForm : ReportForm;

/// <summary>A part saved (the message for the next page), or a conflict to show with the form again, unsaved.</summary>
public sealed record PartSaveOutcome(string? Message, SaveConflict? Conflict);

/// <summary>
/// Saving one part of an editable version, after its form passed validation. A form read before someone else saved is
/// merged field by field (<see cref="FormMerge"/>): saved at once when no field was changed on both sides, otherwise
/// returned as a conflict with who saved in between, what they changed and which fields to decide.
/// </summary>
public sealed class ReportPartSave(ReportCommands commands)
{
    public async Task<PartSaveOutcome> SaveAsync<TForm>(
        ReportWorkspace workspace, ReportVersion version, TForm form, ReportPart<TForm> part, ClaimsPrincipal user, CancellationToken cancellationToken)
        where TForm : ReportForm
    {
        var document = workspace.WorkingDocument!;
        MergeOutcome? merged = null;
        if (form.Revision != version.Revision)
        {
            merged = FormMerge.Merge(form, part.Stored(document), key => form.Label(key, document));
            if (merged is null || merged.Clashes.Count > 0)
            {
                return await ConflictAsync(version, form, merged, part.Stored(document), user, cancellationToken);
            }

            form.Revision = version.Revision;
        }

        if (await commands.SaveAsync(workspace, version, part.Apply(document), form.Revision, user, cancellationToken) is not null)
        {
            return await ConflictAsync(version, form, null, part.Stored(document), user, cancellationToken);
        }

        return new PartSaveOutcome(
            merged is { ChangedElsewhere.Count: > 0 }
                ? $"已保存。在您填写期间别处保存的 {merged.ChangedElsewhere.Count} 处修改已一并保留：{string.Join("；", merged.ChangedElsewhere.Select(c => c.Describe()))}。"
                : "已保存。",
            null);
    }

    private async Task<PartSaveOutcome> ConflictAsync(ReportVersion version, ReportForm form, MergeOutcome? merged, ReportForm stored, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var conflict = await commands.SavesSinceAsync(version, form.Revision, cancellationToken);
        var me = ActingStaff.Name(user);
        form.Revision = conflict.CurrentRevision;
        if (merged is not null)
        {
            // The form already holds the merge (others' values where this user typed nothing, this user's in the
            // clashes); the next save decides the clashes deliberately, so its original is what is stored now.
            var shown = form.Values().ToDictionary(v => v.Key, v => v.Value);
            foreach (var (key, value) in stored.Values())
            {
                form.Take(key, value);
            }

            form.RememberOriginal();
            foreach (var (key, value) in shown)
            {
                form.Take(key, value);
            }
        }

        return new PartSaveOutcome(null, conflict with
        {
            ChangedElsewhere = merged?.ChangedElsewhere ?? [],
            Clashes = merged?.Clashes ?? [],
            OnlyMine = conflict.Saves.Count > 0 && conflict.Saves.All(s => s.UserName == me),
        });
    }
}
