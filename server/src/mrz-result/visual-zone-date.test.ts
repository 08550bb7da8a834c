import { describe, expect, it } from "vitest";
import { parseVisualZoneDate } from "./visual-zone-date";

describe("parseVisualZoneDate", () => {
  it.each([
    ["11 Apr 1990", ["1990-04-11"]],
    ["11 APR/AVR 1990", ["1990-04-11"]],
    ["26 JUL 2021", ["2021-07-26"]],
    ["1 dic 2030", ["2030-12-01"]],
    ["1990-04-11", ["1990-04-11"]],
    ["19900411", ["1990-04-11"]],
    ["1990年4月11日", ["1990-04-11"]],
    ["11.04.1990", ["1990-04-11", "1990-11-04"]],
    ["25/12/1990", ["1990-12-25"]],
    ["31 Feb 1990", []],
    ["", []],
    ["soon", []],
    ["11 Foo 1990", []],
  ])("%s -> %j", (text, expected) => {
    expect(parseVisualZoneDate(text)).toEqual(expected);
  });
});
