import { type TaskProgress } from '../tasks/progress';
import { type Task } from '../tasks/store';
import { wireTime } from '../wire';

/** The fields Get and List both answer for a task; EndTime only once every engagement is done. */
export function taskHeader(task: Task, progress: TaskProgress): Record<string, unknown> {
  return {
    TaskId: task.taskId,
    TaskArn: task.taskArn,
    TaskName: task.taskName,
    StartTime: wireTime(task.startMs),
    ...(progress.endTimeMs !== undefined ? { EndTime: wireTime(progress.endTimeMs) } : {}),
  };
}
