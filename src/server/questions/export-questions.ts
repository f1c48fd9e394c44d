import type { TQuestionFilters } from '../../contracts/questions';
import type { Db } from '../db/client';
import { XLSX_MIME } from '../files/workbook';
import { writeQuestionWorkbook } from './formats/excel';
import type { ExportQuestion } from './formats/export-question';
import { writeMoodleXml } from './formats/moodle-xml-writer';
import { allQuestions } from './questions-repo';

/** The filtered bank (or all of it) as a file that our import, and Moodle for XML, read back. */
export async function exportQuestions(
  db: Db,
  filters: TQuestionFilters,
  format: 'xlsx' | 'moodle_xml',
): Promise<{ body: Buffer; mime: string; extension: string; count: number }> {
  const list: ExportQuestion[] = (await allQuestions(db, filters)).map((q) => ({
    code: q.code,
    categoryPath: q.categoryPath,
    type: q.type,
    stem: q.stem,
    options: q.options,
    explanation: q.explanation,
    difficulty: q.difficulty,
    tags: q.tags,
    sourceDocument: q.sourceDocument,
    sourceArticle: q.sourceArticle,
  }));
  if (format === 'xlsx') {
    return {
      body: await writeQuestionWorkbook(list),
      mime: XLSX_MIME,
      extension: 'xlsx',
      count: list.length,
    };
  }
  return {
    body: Buffer.from(writeMoodleXml(list), 'utf8'),
    mime: 'application/xml; charset=utf-8',
    extension: 'xml',
    count: list.length,
  };
}
