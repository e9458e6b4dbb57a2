using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The stylesheet must never show what the page hides: a sign-out button on the sign-in page, a confirmation already cancelled.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HiddenElementTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Elements_with_the_hidden_attribute_stay_hidden_whatever_their_display_rule()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync("");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();

        // The same kinds of element the pages hide: a button, and a row of actions such as the what-if confirmation.
        await page.EvaluateAsync("""
            () => {
              document.getElementById('sign-out').hidden = true;
              const row = document.createElement('div');
              row.className = 'form-actions';
              row.id = 'hidden-row';
              row.hidden = true;
              row.append(Object.assign(document.createElement('button'), { textContent: 'Thôi' }));
              document.querySelector('main').append(row);
            }
            """);
        await Expect(page.Locator("#sign-out")).ToBeHiddenAsync();
        await Expect(page.Locator("#hidden-row")).ToBeHiddenAsync();
    }
}
