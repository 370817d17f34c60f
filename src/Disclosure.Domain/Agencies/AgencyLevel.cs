namespace Disclosure.Domain.Agencies;

/// <summary>Where an office sits in the administrative hierarchy; the home page groups agencies by it.</summary>
public enum AgencyLevel
{
    ProvincialGovernment = 10,
    ProvincialDepartment = 20,
    CityGovernment = 30,
    CityDepartment = 40,
    CountyGovernment = 50,
    CountyDepartment = 60,
    Township = 70,
}

public static class AgencyLevelNames
{
    public static string DisplayName(this AgencyLevel level) => level switch
    {
        AgencyLevel.ProvincialGovernment => "省级政府",
        AgencyLevel.ProvincialDepartment => "省级部门",
        AgencyLevel.CityGovernment => "市政府",
        AgencyLevel.CityDepartment => "市直部门",
        AgencyLevel.CountyGovernment => "区县政府",
        AgencyLevel.CountyDepartment => "区县部门",
        AgencyLevel.Township => "乡镇街道",
        _ => level.ToString(),
    };
}
