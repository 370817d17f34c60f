using System.Reflection;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Disclosure.Web.Tests.Security;

/// <summary>Every message Identity can put on a staff page is in Chinese: a new one in a later Identity fails here.</summary>
public sealed class ChineseIdentityErrorsTests
{
    [Fact]
    public void EveryIdentityMessage_IsOverridden_AndWrittenInChinese()
    {
        var describer = new ChineseIdentityErrors();
        var messages = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError))
            .ToList();
        Assert.NotEmpty(messages);

        var missing = messages.Where(m => typeof(ChineseIdentityErrors).GetMethod(m.Name, [.. m.GetParameters().Select(p => p.ParameterType)])!.DeclaringType != typeof(ChineseIdentityErrors))
            .Select(m => m.Name).ToList();
        Assert.Empty(missing);

        foreach (var method in messages)
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "x").ToArray();
            var error = (IdentityError)method.Invoke(describer, arguments)!;
            Assert.Equal(method.Name, error.Code);
            Assert.Contains(error.Description, c => c is >= '\u4e00' and <= '\u9fff');
        }
    }
}
