export const glossary = {
  name: "glossary",
  path: "/glossary",
  heading: "Glossary",
  async content(page) {
    await page.locator("#health-factor").getByText("Health factor").waitFor();
    await page.locator("#magnitude").waitFor();
  },
};
