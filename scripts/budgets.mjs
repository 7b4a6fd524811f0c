#!/usr/bin/env node
// The size budgets of the code (ARCHITECTURE.md, "Code budgets"): which files and functions are over
// them, largest first. Signals to split, not a gate: `pnpm budgets` prints, and exits 0.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const BUDGETS = [
  { name: 'router file', limit: 150, files: /^packages\/api\/src\/routers\/.*(?<!\.test)\.ts$/ },
  { name: 'verb file', limit: 150, files: /^packages\/api\/src\/domain\/.*(?<!\.test)\.ts$/ },
  {
    name: 'component file',
    limit: 200,
    files: /^(apps|packages)\/[^/]+\/src\/.*(?<!\.test)\.tsx$/,
  },
  { name: 'test file', limit: 400, files: /(\.test\.tsx?|\.spec\.ts)$/ },
];
const FUNCTION_LIMIT = 60;
const CODE = /^(apps|packages)\/[^/]+\/src\/.*(?<!\.test)\.tsx?$/;

const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const lines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
const top = (rows) => rows.sort((a, b) => b.lines - a.lines);

for (const budget of BUDGETS) {
  const over = top(
    files
      .filter((f) => budget.files.test(f))
      .map((f) => ({ where: f, lines: lines(readFileSync(f, 'utf8')) }))
      .filter((row) => row.lines > budget.limit),
  );
  report(`${budget.name} <= ${budget.limit}`, over);
}

const functions = [];
for (const file of files.filter((f) => CODE.test(f))) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const size = end - start + 1;
      if (size > FUNCTION_LIMIT) {
        functions.push({ where: `${file}:${start + 1} ${nameOf(node)}`, lines: size });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
report(`function <= ${FUNCTION_LIMIT}`, top(functions));

function nameOf(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText()})`;
  return '(anonymous)';
}

function report(title, over) {
  console.log(`\n${title}: ${over.length} over`);
  for (const row of over.slice(0, Number(process.env.TOP ?? 5))) {
    console.log(`  ${String(row.lines).padStart(4)}  ${row.where}`);
  }
}
