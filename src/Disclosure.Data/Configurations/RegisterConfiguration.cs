using Disclosure.Data.Register;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

/// <summary>
/// The register: one row per application, every event a dated column (so a list of 100,000 applications filters
/// 办理中 / 逾期 / 已办结 and counts table 三 from indexes, without joins). 申请人 and 联系方式 have their own
/// columns so the retention rule can blank them.
/// </summary>
internal sealed class DisclosureApplicationConfiguration : IEntityTypeConfiguration<DisclosureApplication>
{
    public void Configure(EntityTypeBuilder<DisclosureApplication> application)
    {
        application.ToTable("RegisterApplications");
        application.HasKey(a => a.Id);
        application.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        application.Property(a => a.Number).HasMaxLength(ApplicationRecord.NumberMaxLength).IsRequired();
        application.Property(a => a.ApplicantType).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        application.Property(a => a.Content).HasMaxLength(ApplicationRecord.ContentMaxLength).IsRequired();
        application.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        application.Property(a => a.ApplicantName).HasMaxLength(ApplicationRecord.ApplicantNameMaxLength);
        application.Property(a => a.ApplicantContact).HasMaxLength(ApplicationRecord.ApplicantContactMaxLength);
        application.Property(a => a.ExtensionGrantedBy).HasMaxLength(DisclosureApplication.ExtensionGrantedByMaxLength);
        application.Property(a => a.Outcome).HasMaxLength(16).IsUnicode(false);
        application.Property(a => a.Remarks).HasMaxLength(ApplicationRecord.RemarksMaxLength);
        application.Property(a => a.VoidReason).HasMaxLength(DisclosureApplication.VoidReasonMaxLength);
        application.Property(a => a.Revision).IsConcurrencyToken();
        application.Ignore(a => a.State);
        application.Ignore(a => a.IsOpen);

        // 申请编号 is unique within the office (and found by prefix).
        application.HasIndex(a => new { a.AgencyId, a.Number }).IsUnique();
        // Table 三 of a year and the list by year: received ≤ 31 Dec, answered ≥ 1 Jan or open.
        application.HasIndex(a => new { a.AgencyId, a.ReceivedOn, a.AnsweredOn });
        // 办理中 / 三个工作日内到期 / 已逾期 of an office (AnsweredOn IS NULL, ordered by Due), and 已办结 by answer date.
        application.HasIndex(a => new { a.AgencyId, a.AnsweredOn, a.Due });
        // The 政务公开办's dashboard across offices (open applications by deadline) and the retention command
        // (applications answered before a date).
        application.HasIndex(a => new { a.AnsweredOn, a.Due });
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> year)
    {
        year.ToTable("CalendarYears");
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();
        year.Property(y => y.NoticeTitle).HasMaxLength(CalendarYear.NoticeTitleMaxLength).IsRequired();
        year.Property(y => y.NoticeNumber).HasMaxLength(CalendarException.NoticeNumberMaxLength);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Date);
        day.HasOne<CalendarYear>().WithMany().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        day.Property(d => d.Name).HasMaxLength(CalendarException.NameMaxLength).IsRequired();
        day.Property(d => d.NoticeNumber).HasMaxLength(CalendarException.NoticeNumberMaxLength);
    }
}

internal sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> upload)
    {
        upload.ToTable("PendingUploads");
        upload.HasKey(u => u.Token);
        upload.Property(u => u.Token).HasMaxLength(PendingUpload.TokenLength).IsUnicode(false);
        upload.Property(u => u.FileName).HasMaxLength(PendingUpload.FileNameMaxLength).IsRequired();
        upload.Property(u => u.UserId).HasMaxLength(450);
        upload.Property(u => u.Bytes).IsRequired();
        upload.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Cascade);

        // Expired uploads are deleted by range.
        upload.HasIndex(u => u.ExpiresAt);
    }
}

/// <summary>The case register (table 四): few rows per office, found by office and filing date.</summary>
internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> @case)
    {
        @case.ToTable("ReviewCases");
        @case.HasKey(c => c.Id);
        @case.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        @case.Property(c => c.Number).HasMaxLength(ReviewCase.NumberMaxLength).IsRequired();
        @case.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        @case.Property(c => c.Subject).HasMaxLength(ReviewCase.SubjectMaxLength);
        @case.Property(c => c.ApplicationNumber).HasMaxLength(ApplicationRecord.NumberMaxLength);
        @case.Property(c => c.Result).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        @case.Property(c => c.VoidReason).HasMaxLength(ReviewCase.VoidReasonMaxLength);
        @case.Property(c => c.Revision).IsConcurrencyToken();
        @case.Ignore(c => c.IsVoided);
        @case.Ignore(c => c.Counted);

        // 案件编号 is unique within the office; a year's table 四 reads filed ≤ 31 Dec, concluded ≥ 1 Jan or open.
        @case.HasIndex(c => new { c.AgencyId, c.Number }).IsUnique();
        @case.HasIndex(c => new { c.AgencyId, c.FiledOn, c.ConcludedOn });
    }
}
