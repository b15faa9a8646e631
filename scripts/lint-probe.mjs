// Lints code snippets as if they sat at given paths, with the project's ESLint config.
// stdin: [{ "file": "src/domain/x.ts", "code": "…" }, …]  stdout: [["ruleId", …], …]
import { ESLint } from "eslint";

const input = JSON.parse(
  await new Promise((resolve) => {
    let data = "";
    process.stdin.on("data", (c) => (data += c));
    process.stdin.on("end", () => resolve(data));
  }),
);
const eslint = new ESLint();
const out = [];
for (const { file, code } of input) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.filter((m) => m.ruleId !== "prettier/prettier").map((m) => m.ruleId ?? m.message));
}
process.stdout.write(JSON.stringify(out));
