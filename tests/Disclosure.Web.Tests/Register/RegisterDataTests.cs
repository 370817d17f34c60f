using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Register;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Web.Tests.Register;

/// <summary>The register as stored: the seeded calendar, table 三 and the list queries on a real database.</summary>
public sealed class RegisterDataTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    private static readonly DateOnly Today = D("2025-03-14");
    private readonly ProductionPortalFactory _portal = portal;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> Agency(DisclosureDbContext db, string slug)
    {
        var agency = new Agency(slug, "测试局" + slug, AgencyLevel.CityDepartment);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    private static DisclosureApplication App(int agencyId, string number, string received, ApplicantType type = ApplicantType.NaturalPerson, string content = "某事项的批复") =>
        DisclosureApplication.Register(agencyId, new ApplicationRecord(number, D(received), type, content, ApplicantName: "张三"), WorkingCalendar.Seed, Today);

    [Fact]
    public async Task StartUp_SeedsTheShippedCalendar_AndTheStoredCalendarIsTheShippedOne()
    {
        await _portal.WithDbAsync(async db =>
        {
            Assert.Equal(Enumerable.Range(2019, 8), await db.CalendarYears.Select(y => y.Year).OrderBy(y => y).ToListAsync());
            Assert.Equal(283, await db.CalendarDays.CountAsync());
            var stored = await RegisterCalendar.LoadAsync(db);
            Assert.Equal(WorkingCalendar.Seed.Exceptions.Select(e => (e.Date, e.Kind)), stored.Exceptions.Select(e => (e.Date, e.Kind)));
            Assert.Empty(await RegisterCalendar.SeedAsync(db, DateTimeOffset.UtcNow));
        });
    }

    [Fact]
    public async Task TableAsync_CountsTheStoredRegister_AndInCellNamesTheApplications()
    {
        await _portal.WithDbAsync(async db =>
        {
            var agencyId = await Agency(db, "table-test");
            var calendar = WorkingCalendar.Seed;
            var carried = App(agencyId, "2023-9", "2023-12-20", ApplicantType.Commercial);
            carried.Answer(D("2024-01-10"), "granted", calendar, Today);
            var answered = App(agencyId, "2024-1", "2024-03-01");
            answered.Answer(D("2024-03-20"), "deny_4", calendar, Today);
            var open = App(agencyId, "2024-2", "2024-12-30", ApplicantType.Research);
            var voided = App(agencyId, "2024-3", "2024-05-05");
            voided.Void("重复登记", D("2024-05-06"));
            var old = App(agencyId, "2022-1", "2022-02-02");
            old.Answer(D("2022-02-20"), "granted", calendar, Today);
            db.RegisterApplications.AddRange(carried, answered, open, voided, old);
            await db.SaveChangesAsync();

            var table = await RegisterQueries.TableAsync(db, agencyId, 2024);
            Assert.Equal(2, table.Number(A.Rows.New, A.Columns.Total));
            Assert.Equal(1, table.Number(A.Rows.CarriedOver, A.Columns.Commercial));
            Assert.Equal(1, table.Number(A.Rows.Granted, A.Columns.Commercial));
            Assert.Equal(1, table.Number("deny_4", A.Columns.NaturalPerson));
            Assert.Equal(2, table.Number(A.Rows.TotalProcessed, A.Columns.Total));
            Assert.Equal(1, table.Number(A.Rows.CarriedForward, A.Columns.Research));

            Assert.Equal(["2024-1", "2024-2"], (await RegisterQueries.InCellAsync(db, agencyId, 2024, A.Rows.New, A.Columns.Total)).Select(a => a.Number));
            Assert.Equal(["2023-9"], (await RegisterQueries.InCellAsync(db, agencyId, 2024, A.Rows.CarriedOver, A.Columns.Total)).Select(a => a.Number));
        });
    }

    [Fact]
    public async Task ListAsync_FiltersOpenDueSoonOverdueAnswered_SearchesAndMasksTheApplicant()
    {
        await _portal.WithDbAsync(async db =>
        {
            var agencyId = await Agency(db, "list-test");
            var calendar = WorkingCalendar.Seed;
            var overdue = App(agencyId, "L-1", "2025-01-02");               // due 2025-02-06
            var dueSoon = App(agencyId, "L-2", "2025-02-17", content: "关于道路改造的立项批复");   // due 2025-03-17, within 3 working days of Friday 03-14
            var later = App(agencyId, "L-3", "2025-03-10");                 // due 2025-04-08
            var answered = App(agencyId, "L-4", "2025-01-06");
            answered.Answer(D("2025-01-20"), "granted", calendar, Today);
            db.RegisterApplications.AddRange(overdue, dueSoon, later, answered);
            await db.SaveChangesAsync();

            async Task<IReadOnlyList<string>> Numbers(RegisterFilter filter, string? search = null) =>
                (await RegisterQueries.ListAsync(db, calendar, new RegisterListRequest(agencyId, Today, 2025, filter, search))).Items.Select(i => i.Number).ToList();

            Assert.Equal(["L-1", "L-2", "L-3"], await Numbers(RegisterFilter.InProgress));
            Assert.Equal(["L-2"], await Numbers(RegisterFilter.DueSoon));
            Assert.Equal(["L-1"], await Numbers(RegisterFilter.Overdue));
            Assert.Equal(["L-4"], await Numbers(RegisterFilter.Answered));
            Assert.Equal(["L-3", "L-2", "L-4", "L-1"], await Numbers(RegisterFilter.All));
            Assert.Equal(["L-2"], await Numbers(RegisterFilter.All, "道路改造"));
            Assert.Equal(["L-3"], await Numbers(RegisterFilter.All, "L-3"));

            var page = await RegisterQueries.ListAsync(db, calendar, new RegisterListRequest(agencyId, Today, 2025, RegisterFilter.Overdue));
            var item = Assert.Single(page.Items);
            Assert.Equal("张*", item.ApplicantMasked);
            Assert.True(item.IsOverdue);
            Assert.Equal(ApplicationState.InProgress, item.State);

            var summary = Assert.Single(await RegisterQueries.DueSummaryAsync(db, calendar, Today), s => s.AgencyId == agencyId);
            Assert.Equal((3, 1, 1), (summary.Open, summary.DueSoon, summary.Overdue));
        });
    }

    [Fact]
    public async Task TwoEditsOfOneApplication_TheSecondIsRefusedAsAConcurrencyConflict()
    {
        int id = 0;
        await _portal.WithDbAsync(async db =>
        {
            var application = App(await Agency(db, "concurrency-test"), "C-1", "2025-01-02");
            db.RegisterApplications.Add(application);
            await db.SaveChangesAsync();
            id = application.Id;
        });

        await using var first = _portal.OtherProcessContext();
        await using var second = _portal.OtherProcessContext();
        var a = await first.RegisterApplications.SingleAsync(x => x.Id == id);
        var b = await second.RegisterApplications.SingleAsync(x => x.Id == id);
        a.Answer(D("2025-01-20"), "granted", WorkingCalendar.Seed, Today);
        await first.SaveChangesAsync();
        b.Answer(D("2025-01-21"), "partial", WorkingCalendar.Seed, Today);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task EnteringTheNextYearsNotice_MakesProvisionalDeadlinesFirm()
    {
        // A database of its own: the other tests expect the shipped calendar.
        await using var own = new ProductionPortalFactory();
        await own.WithDbAsync(async db =>
        {
            var application = DisclosureApplication.Register(await Agency(db, "calendar-test"),
                new ApplicationRecord("P-1", D("2026-12-10"), ApplicantType.NaturalPerson, "内容"), WorkingCalendar.Seed, D("2026-12-10"));
            db.RegisterApplications.Add(application);
            await db.SaveChangesAsync();
            Assert.Equal((D("2027-01-07"), true), (application.Due!.Value, application.DueIsProvisional));

            db.CalendarYears.Add(new CalendarYear(2027, CalendarSeed.NoticeTitle(2027), "国办发明电〔2026〕1号", DateTimeOffset.UtcNow));
            db.CalendarDays.Add(new CalendarDay(D("2027-01-01"), CalendarDayKind.Off, "元旦", "国办发明电〔2026〕1号"));
            await db.SaveChangesAsync();
            Assert.True(await RegisterCalendar.RecomputeOpenDeadlinesAsync(db, await RegisterCalendar.LoadAsync(db)) >= 1);

            var stored = await db.RegisterApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
            Assert.Equal((D("2027-01-08"), false), (stored.Due!.Value, stored.DueIsProvisional));
        });
    }
}
