// Drives the running app through a client generated from its own OpenAPI document. Compiled with
// `tsc` under `strict`: request bodies and responses are typed from the document, never `any`.
// Usage: node build/drive.js <baseUrl> <tenant> <email> <password>
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

type ContactInput = components["schemas"]["ContactInput"];
type Problem = components["schemas"]["Problem"];

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function main(): Promise<void> {
  const [baseUrl, tenant, email, password] = process.argv.slice(2);
  check(Boolean(baseUrl && tenant && email && password), "usage: drive.js <baseUrl> <tenant> <email> <password>");

  const anonymous = createClient<paths>({ baseUrl });
  const signIn = await anonymous.POST("/api/auth/login", { body: { tenant, email, password } });
  check(signIn.data !== undefined, `sign-in failed with ${signIn.response.status}`);
  const accessToken: string = signIn.data.accessToken;
  console.log(`signed in as ${signIn.data.user.email} (${signIn.data.tokenType})`);

  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${accessToken}` } });
  const marker = `Typed${Date.now()}`;
  const input: ContactInput = { firstName: "Ada", lastName: marker, email: `ada.${marker.toLowerCase()}@typed.example`,
    lifecycleStage: "lead" };
  const created = await client.POST("/api/contacts", { body: input });
  check(created.response.status === 201 && created.data !== undefined, `create answered ${created.response.status}`);
  const id: string = created.data.id;
  console.log(`created contact ${id}`);

  const listed = await client.GET("/api/contacts", { params: { query: { q: marker } } });
  check(listed.data !== undefined, `list answered ${listed.response.status}`);
  check(listed.data.items.some((contact) => contact.id === id), "the new contact is not in the list");
  console.log(`listed ${listed.data.items.length} contact(s) matching ${marker}`);

  const refused = await client.POST("/api/contacts", { body: { firstName: "No", email: "not-an-email" } });
  const problem: Problem | undefined = refused.error;
  check(refused.response.status === 400, `invalid email answered ${refused.response.status}`);
  check((refused.response.headers.get("content-type") ?? "").startsWith("application/problem+json"),
    `error content type was ${refused.response.headers.get("content-type")}`);
  check(problem !== undefined && problem.status === 400 && problem.errors?.email !== undefined,
    `no field message for email in ${JSON.stringify(problem)}`);
  console.log(`problem+json ${problem.status}: email ${problem.errors?.email}`);
  console.log("generated client: ok");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
