import {
  CLOSING_NEEDLES,
  CLOSING_RESULTS,
  NEVER_CLOSING_MARKS,
  NEVER_CLOSING_NEEDLES,
  TERMINATING_RESULTS,
  isClassifiedText,
  isLongTermDeadline,
  readSecrecy,
  readUrgency,
  resultCloses,
  resultMeaning,
  resultTerminates,
} from "../../src/domain/vocabulary";

describe("督办结果: closing, never closing, terminating, unclear", () => {
  it.each(CLOSING_RESULTS)("%s closes", (word) => {
    expect(resultMeaning(word)).toBe("closing");
    expect(resultCloses(word)).toBe(true);
  });

  it.each(TERMINATING_RESULTS)("%s terminates", (word) => {
    expect(resultMeaning(word)).toBe("terminating");
    expect(resultTerminates(word)).toBe(true);
  });

  it.each<[string, string, string]>([
    ["a closing word inside a sentence closes", "已按期办结并报送报告", "closing"],
    ["已完成 with a full stop closes", "已完成。", "closing"],
    ["spaces around 终止 still terminate", "  终止 ", "terminating"],
    ["终止办理 is not a terminating word (unclear)", "终止办理", "unclear"],
    ["未办结 never closes", "未办结", "open"],
    ["尚未完成 never closes", "尚未完成", "open"],
    ["部分办结 never closes", "部分办结", "open"],
    ["正在落实 never closes", "正在落实", "open"],
    ["待销号 never closes", "待销号", "open"],
    ["持续推进 never closes", "持续推进", "open"],
    ["a text naming one unit closed and another not is open", "已办结、未办结", "open"],
    ["已报送 says nothing the engine can read", "已报送", "unclear"],
    ["a date typed into 督办结果 is unclear", "2021-05-01", "unclear"],
    ["blank is blank", "   ", "blank"],
  ])("%s", (_rule, text, meaning) => {
    expect(resultMeaning(text)).toBe(meaning);
  });

  it("the formula's needles find every word of the lists", () => {
    for (const w of CLOSING_RESULTS) expect(CLOSING_NEEDLES.some((n) => w.includes(n))).toBe(true);
    for (const w of NEVER_CLOSING_MARKS) expect(NEVER_CLOSING_NEEDLES.some((n) => w.includes(n))).toBe(true);
    expect(CLOSING_NEEDLES).toEqual(["办结", "完成", "办理完毕", "已落实", "落实完毕", "已销号"]);
    expect(NEVER_CLOSING_NEEDLES).toEqual(["未", "部分", "正在", "待", "推进"]);
  });
});

describe("紧急程度", () => {
  it.each<[string, string, string | null, string | undefined]>([
    ["特急", "exact", "特急", undefined],
    ["一般", "exact", "一般", undefined],
    ["特急件", "synonym", "特急", "特急"],
    ["急", "synonym", "加急", "加急"],
    ["急件", "synonym", "加急", "加急"],
    ["平件", "synonym", "一般", "一般"],
    ["平急", "synonym", "一般", "一般"],
    ["普通", "synonym", "一般", "一般"],
    ["特 急", "spacing", "特急", "特急"],
    ["紧急", "unknown", null, undefined],
    ["", "blank", null, undefined],
  ])("%s reads as %s", (text, how, value, fix) => {
    const r = readUrgency(text);
    expect(r.how).toBe(how);
    expect(r.value).toBe(value);
    expect("fix" in r ? r.fix : undefined).toBe(fix);
  });
});

describe("密级", () => {
  it.each<[string, string, string | null, string | undefined]>([
    ["公开", "exact", "公开", undefined],
    ["秘密★1年", "mark", "秘密", undefined],
    ["机密★长期", "mark", "机密", undefined],
    ["绝密★6个月", "mark", "绝密", undefined],
    ["秘密*1年", "synonym", "秘密", "秘密★1年"],
    ["秘密 ★1年", "synonym", "秘密", "秘密★1年"],
    ["秘密★", "synonym", "秘密", "秘密"],
    ["无", "synonym", "公开", "公开"],
    ["非密", "synonym", "公开", "公开"],
    ["不涉密", "synonym", "公开", "公开"],
    ["/", "synonym", "公开", "公开"],
    ["普通", "unknown", null, undefined],
    ["内部★1年", "unknown", null, undefined],
  ])("%s reads as %s", (text, how, value, fix) => {
    const r = readSecrecy(text);
    expect(r.how).toBe(how);
    expect(r.value).toBe(value);
    expect("fix" in r ? r.fix : undefined).toBe(fix);
  });

  it.each<[string, boolean]>([
    ["秘密", true],
    ["秘密★1年", true],
    ["机密★长期", true],
    ["绝密", true],
    ["内部", false],
    ["非密", false],
    ["", false],
  ])("%s classified: %s", (text, classified) => {
    expect(isClassifiedText(text)).toBe(classified);
  });
});

describe("long-term deadlines", () => {
  it.each<[string, boolean]>([
    ["长期", true],
    [" 长期坚持 ", true],
    ["持续推进", true],
    ["长 期", true],
    ["2021-04-30", false],
    ["长期的", false],
  ])("%s is long-term: %s", (text, longTerm) => {
    expect(isLongTermDeadline(text)).toBe(longTerm);
  });
});
