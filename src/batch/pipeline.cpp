// SPDX-License-Identifier: MIT
//
// pipeline.cpp: see pipeline.h.

#include "batch/pipeline.h"

namespace bouncetolk {

bool Pipeline::Push(std::unique_ptr<Batch> batch) {
  std::unique_lock<std::mutex> lock(mu_);
  room_cv_.wait(lock, [&] {
    return cancelled_ || in_flight_ == 0 ||
           (in_flight_ < window_ && bytes_in_flight_ + batch->bytes <= kMaxBytesInFlight);
  });
  if (cancelled_) return false;
  ++in_flight_;
  bytes_in_flight_ += batch->bytes;
  queue_.push_back(std::move(batch));
  work_cv_.notify_one();
  return true;
}

void Pipeline::CloseInput(std::uint64_t batches) {
  std::lock_guard<std::mutex> lock(mu_);
  input_closed_ = true;
  total_batches_ = batches;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

std::unique_ptr<Batch> Pipeline::TakeWork() {
  std::unique_lock<std::mutex> lock(mu_);
  work_cv_.wait(lock, [&] { return cancelled_ || !queue_.empty() || input_closed_; });
  if (cancelled_ || queue_.empty()) return nullptr;
  std::unique_ptr<Batch> b = std::move(queue_.front());
  queue_.pop_front();
  return b;
}

void Pipeline::Finish(std::unique_ptr<Batch> batch) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::uint64_t seq = batch->seq;
  done_.emplace(seq, std::move(batch));
  if (seq == next_) done_cv_.notify_one();
}

std::unique_ptr<Batch> Pipeline::TakeNextDone() {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(
      lock, [&] { return done_.count(next_) > 0 || (input_closed_ && next_ == total_batches_); });
  auto it = done_.find(next_);
  if (it == done_.end()) return nullptr;
  std::unique_ptr<Batch> b = std::move(it->second);
  done_.erase(it);
  ++next_;
  --in_flight_;
  bytes_in_flight_ -= b->bytes;
  room_cv_.notify_one();
  return b;
}

void Pipeline::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  cancelled_ = true;
  room_cv_.notify_all();
  work_cv_.notify_all();
}

}  // namespace bouncetolk
