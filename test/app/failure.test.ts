import { AppError } from "../../src/app/errors";
import { DocumentError } from "../../src/app/documents";
import { explainFailure, failureCode } from "../../src/app/failure";

describe("what a clerk is told when an action fails", () => {
  it("shows a use case's own Chinese message as it is", () => {
    expect(explainFailure(new AppError("no-number-column"))).toEqual({
      explained: true,
      message: "登记表中没有“督办事项编号”列，无法编号",
    });
    expect(explainFailure(new DocumentError("bad-number", "编号“x”不是督办事项编号")).message).toBe(
      "编号“x”不是督办事项编号",
    );
  });

  it("shows an adapter's translated error by its name", () => {
    const office = Object.assign(new Error("Excel 正忙，请稍后重试"), { name: "OfficeFailure" });
    expect(explainFailure(office)).toEqual({ explained: true, message: "Excel 正忙，请稍后重试" });
  });

  it.each([
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'values')")],
    ["a plain Error", new Error("RichApi.Error: The argument is invalid or missing")],
    ["a thrown string", "boom at row 5: 秘密内容"],
    ["a thrown object", { reason: "x" }],
    ["undefined", undefined],
  ])("never shows the raw message of %s, but a Chinese line with a reference code", (_what, error) => {
    const explained = explainFailure(error);
    expect(explained.explained).toBe(false);
    expect(explained.code).toMatch(/^E-[0-9A-F]{4}$/);
    expect(explained.message).toBe(
      `出现了意外错误（错误代码 ${explained.code}）。请重试；如果仍然出错，请把错误代码告诉维护人员。`,
    );
    expect(explained.detail).toBeTruthy();
  });

  it("keeps the raw message and stack in the detail for developers", () => {
    const error = new TypeError("x is undefined");
    const explained = explainFailure(error);
    expect(explained.detail).toContain("TypeError: x is undefined");
    expect(explained.message).not.toContain("x is undefined");
  });

  it("gives the same fault the same code, and different faults different codes", () => {
    expect(failureCode(new TypeError("a"))).toBe(failureCode(new TypeError("a")));
    expect(failureCode(new TypeError("a"))).not.toBe(failureCode(new TypeError("b")));
    expect(failureCode(new TypeError("a"))).not.toBe(failureCode(new RangeError("a")));
  });

  it("treats a known error without a message as unexpected", () => {
    const empty = Object.assign(new Error(""), { name: "AppError" });
    expect(explainFailure(empty).explained).toBe(false);
  });
});
